using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>What <see cref="JsonContextReader.Read"/> found.</summary>
/// <param name="Spec">The context.</param>
/// <param name="Location">The class identifier.</param>
public sealed record JsonContextReadResult(JsonContextSpec Spec, LocationInfo? Location);

/// <summary>Reads a class carrying <c>[JsonSerializable]</c> (normally a <c>JsonSerializerContext</c>).</summary>
public static class JsonContextReader
{
    public static JsonContextReadResult Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var entries = new List<JsonTypeEntry>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!attribute.IsAttribute(KnownNames.JsonSerializableAttribute)
                || attribute.ConstructorArgument(0) is not { Kind: TypedConstantKind.Type, Value: ITypeSymbol listed }
                || listed.ContainsErrors())
            {
                continue;
            }

            var typeRef = TypeRef.From(listed);
            if (!seen.Add(typeRef.FullyQualifiedName))
            {
                continue;
            }

            var property = attribute.NamedString("TypeInfoPropertyName") is { Length: > 0 } named ? named : TypeInfoPropertyName(listed);
            entries.Add(new JsonTypeEntry(typeRef.FullyQualifiedName, property));
        }

        var (naming, enumsAsStrings) = JsonNamingPolicy.ReadOptions(type);
        var spec = new JsonContextSpec(TypeRef.From(type), IsJsonSerializerContext(type), entries.ToEquatableArray())
        {
            NamingPolicy = naming,
            EnumsAsStrings = enumsAsStrings,
        };
        return new JsonContextReadResult(spec, type.FirstLocation());
    }

    /// <summary>Whether <paramref name="type"/> derives from <c>System.Text.Json.Serialization.JsonSerializerContext</c>.</summary>
    public static bool IsJsonSerializerContext(INamedTypeSymbol? type)
    {
        for (var t = type?.BaseType; t is not null; t = t.BaseType)
        {
            if (t.Is(KnownNames.JsonSerializerContext))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name System.Text.Json's source generator gives the <c>JsonTypeInfo&lt;T&gt;</c> property of a type:
    /// the type's name, then its type arguments' names (outer types' first), <c>Array</c>/<c>Array2D</c> for arrays
    /// (<c>Order</c>, <c>ListOrder</c>, <c>OrderArray</c>, <c>NullableInt32</c>, <c>DictionaryStringInt32</c>).
    /// </summary>
    public static string TypeInfoPropertyName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            var suffix = array.Rank == 1 ? "Array" : "Array" + array.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) + "D";
            return TypeInfoPropertyName(array.ElementType) + suffix;
        }

        if (type is not INamedTypeSymbol named || !named.IsGenericType)
        {
            return type.Name;
        }

        var builder = new StringBuilder(named.Name);
        foreach (var argument in AllTypeArgumentsInScope(named))
        {
            builder.Append(TypeInfoPropertyName(argument));
        }

        return builder.ToString();
    }

    private static IEnumerable<ITypeSymbol> AllTypeArgumentsInScope(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            chain.Push(t);
        }

        return chain.SelectMany(t => t.TypeArguments);
    }
}
