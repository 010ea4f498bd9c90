using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>Where an environment variable's value comes from.</summary>
public enum EnvironmentValueKind
{
    /// <summary>A literal value, written into the function's configuration.</summary>
    Literal,
    /// <summary><c>FromParameter</c>: an SSM Parameter Store parameter, resolved at init.</summary>
    Parameter,
    /// <summary><c>FromSecret</c>: a Secrets Manager secret, resolved at init.</summary>
    Secret,
}

/// <summary>
/// An environment variable whose value is resolved at init: <paramref name="Name"/> is the parameter name or the
/// secret id, which is also the value the variable holds in the function's configuration.
/// </summary>
public sealed record EnvironmentReference(string Key, EnvironmentValueKind Kind, string Name);

/// <summary>Which <c>[Environment]</c> scope an entry comes from (narrower scopes win).</summary>
public enum EnvironmentScope
{
    /// <summary>Variables the product adds itself (table and queue names, ...).</summary>
    Product,
    /// <summary><c>[assembly: Environment]</c>.</summary>
    Assembly,
    /// <summary>On a class containing the handler.</summary>
    Class,
    /// <summary>On the handler method.</summary>
    Method,
}

/// <summary>
/// One <c>[Environment]</c> as written, with where it is: a read result for diagnostics and fixes, not a spec.
/// <paramref name="Value"/> is the literal value, the parameter name or the secret id (what the function's configuration
/// holds); <paramref name="ScopeName"/> names the class or method (empty for the assembly and the product).
/// </summary>
public sealed record EnvironmentEntry(
    string Key,
    string Value,
    EnvironmentValueKind Kind,
    EnvironmentScope Scope,
    string ScopeName,
    LocationInfo? Attribute,
    LocationInfo? ValueArgument)
{
    /// <summary>Bytes the entry takes in Lambda's 4 KB: the key and the value, UTF-8.</summary>
    public int Size => EnvironmentModel.SizeOf(Key, Value);
}

/// <summary>What <see cref="EnvironmentReader.Read"/> found on one symbol.</summary>
public sealed record EnvironmentReadResult(ImmutableArray<EnvironmentEntry> Entries, ImmutableArray<ModelDiagnostic> Diagnostics);

/// <summary>
/// Reads <c>[Environment]</c>: the one place that knows its shape (a literal value, <c>FromParameter</c> or
/// <c>FromSecret</c>). The spec readers (<see cref="AppReader"/>, <see cref="FunctionReader"/>) take the variables and
/// references from here; the environment analyzer takes the entries with their locations and the diagnostics
/// (SLS1121 secret-looking literal, SLS1122 not exactly one source).
/// </summary>
public static class EnvironmentReader
{
    public const string FromParameterName = "FromParameter";
    public const string FromSecretName = "FromSecret";

    /// <summary>
    /// The key, the configured value and its kind of a well-formed <c>[Environment]</c>; false for anything else (not the
    /// attribute, half-typed, no source or several sources), which the model then ignores.
    /// </summary>
    public static bool TryRead(AttributeData attribute, out string key, out string value, out EnvironmentValueKind kind)
    {
        key = "";
        value = "";
        kind = EnvironmentValueKind.Literal;
        if (!attribute.IsAttribute(KnownNames.EnvironmentAttribute) || attribute.ConstructorString(0) is not { Length: > 0 } k)
        {
            return false;
        }

        var sources = Sources(attribute);
        if (sources.Count != 1 || sources[0].Value is not { } v)
        {
            return false;
        }

        key = k;
        value = v;
        kind = sources[0].Kind;
        return true;
    }

    /// <summary>The references among <paramref name="attributes"/> (one scope), a later attribute winning for the same key.</summary>
    public static EquatableArray<EnvironmentReference> ReadReferences(IEnumerable<AttributeData> attributes)
    {
        var map = new Dictionary<string, EnvironmentReference?>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (TryRead(attribute, out var key, out var value, out var kind))
            {
                map[key] = kind == EnvironmentValueKind.Literal ? null : new EnvironmentReference(key, kind, value);
            }
        }

        return map.Values.Where(r => r is not null).Select(r => r!).OrderBy(r => r.Key, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The references a method declares, over its classes (outermost first) and itself: the narrowest scope wins.</summary>
    public static EquatableArray<EnvironmentReference> ReadReferences(IMethodSymbol method)
    {
        var layers = new List<(EquatableArray<KeyValue>, EquatableArray<EnvironmentReference>)>();
        foreach (var type in method.ContainingTypesOutward().Reverse())
        {
            var attributes = type.GetAttributes();
            layers.Add((SymbolHelpers.ReadEnvironment(attributes), ReadReferences(attributes)));
        }

        var own = method.GetAttributes();
        layers.Add((SymbolHelpers.ReadEnvironment(own), ReadReferences(own)));
        return EnvironmentModel.MergeReferences(layers.ToArray());
    }

    /// <summary>
    /// Every <c>[Environment]</c> among <paramref name="attributes"/> of one scope, with locations, plus SLS1121 and
    /// SLS1122. <paramref name="appName"/> builds the suggested secret id of SLS1121.
    /// </summary>
    public static EnvironmentReadResult Read(IEnumerable<AttributeData> attributes, EnvironmentScope scope, string scopeName, string appName, CancellationToken cancellationToken)
    {
        var entries = ImmutableArray.CreateBuilder<EnvironmentEntry>();
        var diagnostics = ImmutableArray.CreateBuilder<ModelDiagnostic>();
        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!attribute.IsAttribute(KnownNames.EnvironmentAttribute) || attribute.ConstructorString(0) is not { Length: > 0 } key)
            {
                continue;   // not ours, or half-typed: the compiler reports it
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var attributeLocation = LocationInfo.From(syntax) ?? LocationInfo.From(attribute.ApplicationSyntaxReference);
            var sources = Sources(attribute);
            if (sources.Count != 1 || sources[0].Value is null)
            {
                if (!HasErrors(attribute, syntax))
                {
                    diagnostics.Add(ModelDiagnostic.Create(DiagnosticDescriptors.EnvironmentSource, attributeLocation, key, DescribeSources(sources)));
                }

                continue;
            }

            var (kind, value) = (sources[0].Kind, sources[0].Value!);
            var valueArgument = ValueArgument(syntax, kind);
            entries.Add(new EnvironmentEntry(key, value, kind, scope, scopeName, attributeLocation, LocationInfo.From(valueArgument)));
            if (kind == EnvironmentValueKind.Literal && EnvironmentModel.DescribeSecret(key, value) is { } what)
            {
                var secretId = EnvironmentModel.SuggestedSecretId(appName, key);
                diagnostics.Add(ModelDiagnostic.Create(DiagnosticDescriptors.SecretInEnvironment, LocationInfo.From(valueArgument) ?? attributeLocation, key, what, secretId) with
                {
                    Properties = EquatableArray.Create(
                        new KeyValue(EnvironmentPropertyNames.Argument, FromSecretName),
                        new KeyValue(EnvironmentPropertyNames.Reference, secretId),
                        new KeyValue(EnvironmentPropertyNames.Key, key)),
                });
            }
        }

        return new EnvironmentReadResult(entries.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>The sources an attribute sets: the constructor's value, <c>FromParameter</c>, <c>FromSecret</c> (a null value when not a string).</summary>
    private static List<(EnvironmentValueKind Kind, string? Value)> Sources(AttributeData attribute)
    {
        var sources = new List<(EnvironmentValueKind, string?)>(1);
        if (attribute.ConstructorArguments.Length >= 2)
        {
            sources.Add((EnvironmentValueKind.Literal, attribute.ConstructorString(1)));
        }

        foreach (var pair in attribute.NamedArguments)
        {
            var kind = pair.Key switch
            {
                FromParameterName => EnvironmentValueKind.Parameter,
                FromSecretName => EnvironmentValueKind.Secret,
                _ => (EnvironmentValueKind?)null,
            };
            if (kind is { } k && !pair.Value.IsNull)
            {
                // An empty reference names nothing: counted as a source without a value.
                sources.Add((k, pair.Value.Value is string { Length: > 0 } s ? s : null));
            }
        }

        return sources;
    }

    private static string DescribeSources(List<(EnvironmentValueKind Kind, string? Value)> sources)
    {
        if (sources.Count == 0)
        {
            return "none";
        }

        if (sources.Count == 1)
        {
            return "an empty " + Name(sources[0].Kind);
        }

        return string.Join(" and ", sources.Select(s => Name(s.Kind)));

        static string Name(EnvironmentValueKind kind) => kind switch
        {
            EnvironmentValueKind.Parameter => FromParameterName,
            EnvironmentValueKind.Secret => FromSecretName,
            _ => "a value",
        };
    }

    /// <summary>Whether the attribute is half-typed (error arguments): the compiler's errors say enough.</summary>
    private static bool HasErrors(AttributeData attribute, AttributeSyntax? syntax)
    {
        if (attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error))
        {
            return true;
        }

        return syntax?.ArgumentList?.Arguments.Any(a => a.Expression.IsMissing) == true;
    }

    /// <summary>The expression that gives the value: the second positional argument, or the named reference.</summary>
    private static ExpressionSyntax? ValueArgument(AttributeSyntax? syntax, EnvironmentValueKind kind)
    {
        if (syntax?.ArgumentList is not { } list)
        {
            return null;
        }

        if (kind == EnvironmentValueKind.Literal)
        {
            var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
            var named = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "value");
            return named?.Expression ?? (positional.Count >= 2 && positional[1].NameColon is null ? positional[1].Expression : null);
        }

        var name = kind == EnvironmentValueKind.Parameter ? FromParameterName : FromSecretName;
        return list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;
    }
}
