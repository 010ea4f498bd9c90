using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Serverless.Analyzers.Model;

/// <summary>Where a diagnostic goes, without holding a tree: equatable, so it can flow through pipelines.</summary>
public sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => token.SyntaxTree is null ? null : From(token.GetLocation());

    public static LocationInfo? From(SyntaxReference? reference) =>
        reference is null ? null : new LocationInfo(reference.SyntaxTree.FilePath, reference.Span, reference.SyntaxTree.GetLineSpan(reference.Span).Span);

    /// <summary>The location in <paramref name="compilation"/>'s tree of that path when there is one (so <c>#pragma</c> applies), else an external one.</summary>
    public Location ToLocation(Compilation? compilation = null)
    {
        if (compilation is not null)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath == FilePath && Span.End <= tree.Length)
                {
                    return Location.Create(tree, Span);
                }
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}

/// <summary>A diagnostic found by a reader or a cross check, reported by the analyzers.</summary>
public sealed record ModelDiagnostic(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public EquatableArray<LocationInfo> AdditionalLocations { get; init; }

    public EquatableArray<KeyValue> Properties { get; init; }

    /// <summary>
    /// Found on a declaration that several functions read (a property of a body type): every function's read result
    /// holds it, and the analyzers report it once per compilation.
    /// </summary>
    public bool Shared { get; init; }

    public string Id => Descriptor.Id;

    public static ModelDiagnostic Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor, location, EquatableArray.Create(args));

    public Diagnostic ToDiagnostic(Compilation? compilation = null)
    {
        var properties = Properties.IsEmpty
            ? null
            : Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value);
        return Diagnostic.Create(
            Descriptor,
            Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None,
            AdditionalLocations.Select(l => l.ToLocation(compilation)),
            properties,
            MessageArgs.Cast<object>().ToArray());
    }

    public override string ToString() => Id + " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageArgs.Cast<object>().ToArray());
}

/// <summary>A spec (null when unusable) and the diagnostics found while reading it.</summary>
public readonly record struct ModelResult<T>(T? Spec, ImmutableArray<ModelDiagnostic> Diagnostics)
    where T : class;

internal sealed class DiagnosticBag
{
    private List<ModelDiagnostic>? _items;

    public bool HasErrors { get; private set; }

    public void Add(ModelDiagnostic diagnostic)
    {
        (_items ??= new List<ModelDiagnostic>()).Add(diagnostic);
        if (diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }
    }

    public void Add(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        Add(ModelDiagnostic.Create(descriptor, location, args));

    public ImmutableArray<ModelDiagnostic> ToImmutable() => _items is null ? ImmutableArray<ModelDiagnostic>.Empty : _items.ToImmutableArray();
}
