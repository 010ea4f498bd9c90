using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.Analyzers.Model;

/// <summary>Small, throw-free helpers over symbols and attribute data.</summary>
internal static class SymbolHelpers
{
    private static readonly SymbolDisplayFormat QualifiedNoGlobal = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.None);

    /// <summary>Whether <paramref name="type"/> is the named top-level type <paramref name="metadataName"/> (e.g. <c>System.Threading.Tasks.Task`1</c>).</summary>
    public static bool Is(this ITypeSymbol? type, string metadataName)
    {
        if (type is not INamedTypeSymbol named || named.ContainingType is not null)
        {
            return false;
        }

        // Compared segment by segment from the right, without building the type's full name (this runs for every
        // parameter, return type and attribute of every function, on each generator run).
        var end = metadataName.Length;
        if (!TrimSegment(metadataName, ref end, named.MetadataName))
        {
            return false;
        }

        for (var ns = named.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (end == 0 || metadataName[end - 1] != '.')
            {
                return false;
            }

            end--;
            if (!TrimSegment(metadataName, ref end, ns.Name))
            {
                return false;
            }
        }

        return end == 0;
    }

    /// <summary>Whether <paramref name="text"/>[..<paramref name="end"/>] ends with <paramref name="segment"/>; if so, moves <paramref name="end"/> before it.</summary>
    private static bool TrimSegment(string text, ref int end, string segment)
    {
        var start = end - segment.Length;
        if (segment.Length == 0 || start < 0 || string.CompareOrdinal(text, start, segment, 0, segment.Length) != 0)
        {
            return false;
        }

        end = start;
        return true;
    }

    public static bool IsAttribute(this AttributeData attribute, string metadataName) => attribute.AttributeClass.Is(metadataName);

    public static bool HasAttribute(this ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.IsAttribute(metadataName))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ContainsErrors(this ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return true;
            case IErrorTypeSymbol:
                return true;
            case IArrayTypeSymbol array:
                return array.ElementType.ContainsErrors();
            case IPointerTypeSymbol pointer:
                return pointer.PointedAtType.ContainsErrors();
            case INamedTypeSymbol named:
                return named.TypeKind == TypeKind.Error || named.TypeArguments.Any(t => t.ContainsErrors());
            default:
                return false;
        }
    }

    public static string QualifiedName(this ISymbol symbol) => symbol.ToDisplayString(QualifiedNoGlobal);

    public static bool IsNullable(this ITypeSymbol type) =>
        type.NullableAnnotation == NullableAnnotation.Annotated
        || (type is INamedTypeSymbol { IsGenericType: true } n && n.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);

    public static bool IsByteArray(this ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

    public static bool IsReadOnlyMemoryOfByte(this ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } n && n.OriginalDefinition.Is(KnownNames.ReadOnlyMemoryOfT)
        && n.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    public static IEnumerable<INamedTypeSymbol> ContainingTypesOutward(this ISymbol symbol)
    {
        for (var t = symbol.ContainingType; t is not null; t = t.ContainingType)
        {
            yield return t;
        }
    }

    public static bool IsAccessibleFromAssembly(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    public static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.Internal => "internal",
        Accessibility.Public => "public",
        _ => "not accessible",
    };

    public static TypedConstant? NamedArgument(this AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static TypedConstant? ConstructorArgument(this AttributeData attribute, int index)
    {
        var args = attribute.ConstructorArguments;
        if (index < 0 || index >= args.Length || args[index].Kind == TypedConstantKind.Error)
        {
            return null;
        }

        return args[index];
    }

    public static string? NamedString(this AttributeData attribute, string name) => attribute.NamedArgument(name)?.Value as string;

    public static int? NamedInt(this AttributeData attribute, string name) =>
        attribute.NamedArgument(name) is { Kind: TypedConstantKind.Primitive or TypedConstantKind.Enum } c && c.Value is int i ? i : null;

    public static string[]? NamedStringArray(this AttributeData attribute, string name)
    {
        if (attribute.NamedArgument(name) is not { Kind: TypedConstantKind.Array } c || c.IsNull)
        {
            return null;
        }

        return c.Values.Where(v => v.Kind != TypedConstantKind.Error).Select(v => v.Value as string).Where(s => s is not null).Select(s => s!).ToArray();
    }

    public static string? ConstructorString(this AttributeData attribute, int index) => attribute.ConstructorArgument(index)?.Value as string;

    /// <summary>
    /// The expression of the constructor argument at <paramref name="index"/> (positional, or written as
    /// <c><paramref name="parameterName"/>: ...</c>) in the attribute's syntax, if written.
    /// </summary>
    public static LocationInfo? ConstructorArgumentLocation(this AttributeData attribute, int index, string parameterName, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax || syntax.ArgumentList is null)
        {
            return null;
        }

        var position = 0;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == parameterName : position == index)
            {
                return LocationInfo.From(argument.Expression);
            }

            position++;
        }

        return null;
    }

    /// <summary>The expression of <c>Name = ...</c> in the attribute's syntax, if written.</summary>
    public static LocationInfo? NamedArgumentLocation(this AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax || syntax.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return LocationInfo.From(argument.Expression);
            }
        }

        return null;
    }

    public static LocationInfo? FirstLocation(this ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return LocationInfo.From(location);
            }
        }

        return null;
    }

    /// <summary>The <c>[Environment]</c> entries among <paramref name="attributes"/>; with <paramref name="locations"/>, also where each is written.</summary>
    public static EquatableArray<KeyValue> ReadEnvironment(IEnumerable<AttributeData> attributes, List<KeyedLocation>? locations = null, CancellationToken cancellationToken = default)
    {
        var list = new List<EquatableArray<KeyValue>>();
        foreach (var attribute in attributes)
        {
            // A literal value, or the parameter name / secret id of a reference (what the configuration holds).
            if (EnvironmentReader.TryRead(attribute, out var key, out var value, out _))
            {
                list.Add(EquatableArray.Create(new KeyValue(key, value)));
                if (locations is not null && LocationInfo.From(attribute.ApplicationSyntaxReference) is { } location)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    locations.Add(new KeyedLocation(key, location));
                }
            }
        }

        return FunctionSettings.Merge(list.ToArray());
    }

    public static string? ArchitectureName(int? value) => value switch
    {
        1 => "x86_64",
        2 => "arm64",
        _ => null,
    };

    public static string? TracingName(int? value) => value switch
    {
        1 => "PassThrough",
        2 => "Active",
        _ => null,
    };
}
