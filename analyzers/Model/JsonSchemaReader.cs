using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Describes types as System.Text.Json serializes them: JSON schemas with DataAnnotations constraints, user types as
/// named definitions (walked once; a type that refers to itself becomes a reference, so cycles end). One reader per
/// endpoint collects the definitions its schemas reference. Types the model cannot describe (errors, type
/// parameters, framework types it does not know) become "any value" rather than a guess.
/// </summary>
public sealed class JsonSchemaReader
{
    /// <summary>A bound on the definitions of one endpoint, against runaway graphs of framework or generated types.</summary>
    public const int MaxDefinitions = 200;

    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, JsonSchemaDefinition?> _byType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public JsonSchemaReader(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>The definitions read so far, in the order they were first met.</summary>
    public EquatableArray<JsonSchemaDefinition> Definitions =>
        _order.Select(t => _byType[t]).Where(d => d is not null).Select(d => d!).ToEquatableArray();

    /// <summary>
    /// The schema of a value of <paramref name="type"/> declared with <paramref name="attributes"/> (a parameter's,
    /// a property's or a return value's): DataAnnotations become constraints; with <paramref name="enumsByName"/>
    /// enums are described by name (how route, query and header values bind).
    /// </summary>
    public JsonSchemaSpec Read(ITypeSymbol type, ImmutableArray<AttributeData> attributes, bool enumsByName = false)
    {
        var schema = Describe(type, enumsByName || HasStringEnumConverter(attributes));
        return attributes.IsDefaultOrEmpty ? schema : Constrain(schema, attributes);
    }

    private JsonSchemaSpec Describe(ITypeSymbol type, bool enumsByName)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (type is null || type.ContainsErrors() || type is ITypeParameterSymbol)
        {
            return new JsonSchemaSpec(JsonSchemaKind.Any);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Describe(nullable.TypeArguments[0], enumsByName) with { Nullable = true };
        }

        var schema = DescribeNonNull(type, enumsByName);
        return type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated ? schema with { Nullable = true } : schema;
    }

    private JsonSchemaSpec DescribeNonNull(ITypeSymbol type, bool enumsByName)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new JsonSchemaSpec(JsonSchemaKind.String);
            case SpecialType.System_Char:
                return new JsonSchemaSpec(JsonSchemaKind.String) { MinLength = 1, MaxLength = 1 };
            case SpecialType.System_Boolean:
                return new JsonSchemaSpec(JsonSchemaKind.Boolean);
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32:
                return new JsonSchemaSpec(JsonSchemaKind.Integer) { Format = "int32" };
            case SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64:
                return new JsonSchemaSpec(JsonSchemaKind.Integer) { Format = "int64" };
            case SpecialType.System_Single:
                return new JsonSchemaSpec(JsonSchemaKind.Number) { Format = "float" };
            case SpecialType.System_Double:
                return new JsonSchemaSpec(JsonSchemaKind.Number) { Format = "double" };
            case SpecialType.System_Decimal:
                return new JsonSchemaSpec(JsonSchemaKind.Number);
            case SpecialType.System_DateTime:
                return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "date-time" };
            case SpecialType.System_Object:
                return new JsonSchemaSpec(JsonSchemaKind.Any);
        }

        if (type.Is(JsonSchemaNames.Guid))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "uuid" };
        }

        if (type.Is(JsonSchemaNames.DateTimeOffset))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "date-time" };
        }

        if (type.Is(JsonSchemaNames.DateOnly))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "date" };
        }

        if (type.Is(JsonSchemaNames.TimeOnly))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "time" };
        }

        if (type.Is(JsonSchemaNames.TimeSpan))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String);
        }

        if (type.Is(JsonSchemaNames.Uri))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "uri" };
        }

        // Bytes are base64 strings in System.Text.Json.
        if (type.IsByteArray() || type.IsReadOnlyMemoryOfByte()
            || (type is INamedTypeSymbol { IsGenericType: true } memory && memory.OriginalDefinition.Is(JsonSchemaNames.MemoryOfT)
                && memory.TypeArguments[0].SpecialType == SpecialType.System_Byte))
        {
            return new JsonSchemaSpec(JsonSchemaKind.String) { Format = "byte" };
        }

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            return enumsByName
                ? EnumSchema(enumType) with { EnumAsString = true }
                : Reference(enumType, () => EnumSchema(enumType) with { EnumAsString = HasStringEnumConverter(enumType.GetAttributes()) ? true : null });
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.Rank == 1
                ? new JsonSchemaSpec(JsonSchemaKind.Array) { Items = Describe(array.ElementType, enumsByName) }
                : new JsonSchemaSpec(JsonSchemaKind.Any);
        }

        if (type is not INamedTypeSymbol named)
        {
            return new JsonSchemaSpec(JsonSchemaKind.Any);
        }

        if (DictionaryValueType(named) is { } value)
        {
            return new JsonSchemaSpec(JsonSchemaKind.Map) { Items = Describe(value, enumsByName) };
        }

        if (EnumerableElementType(named) is { } element)
        {
            return new JsonSchemaSpec(JsonSchemaKind.Array) { Items = Describe(element, enumsByName) };
        }

        // Framework types (JsonElement, JsonNode, ...) are not walked: their properties are not their JSON.
        if (IsFrameworkType(named) || named.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return new JsonSchemaSpec(JsonSchemaKind.Any);
        }

        return Reference(named, () => ObjectSchema(named));
    }

    /// <summary>A reference to the definition of <paramref name="type"/>, read first when it is new.</summary>
    private JsonSchemaSpec Reference(INamedTypeSymbol type, Func<JsonSchemaSpec> read)
    {
        var typeName = TypeRef.From(type).FullyQualifiedName;
        var reference = new JsonSchemaSpec(JsonSchemaKind.Reference) { Reference = typeName };
        if (_byType.ContainsKey(typeName))
        {
            return reference;   // read, or being read (a cycle)
        }

        if (_byType.Count >= MaxDefinitions)
        {
            return new JsonSchemaSpec(JsonSchemaKind.Any);
        }

        var name = UniqueName(JsonContextReader.TypeInfoPropertyName(type));
        _byType[typeName] = null;
        _order.Add(typeName);
        _byType[typeName] = new JsonSchemaDefinition(typeName, name, read());
        return reference;
    }

    private string UniqueName(string name)
    {
        var candidate = name;
        for (var i = 2; !_names.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static JsonSchemaSpec EnumSchema(INamedTypeSymbol type)
    {
        var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst && f.HasConstantValue).Select(f =>
            new JsonEnumMember(
                f.GetAttributes().FirstOrDefault(a => a.IsAttribute(JsonSchemaNames.JsonStringEnumMemberNameAttribute))?.ConstructorString(0) ?? f.Name,
                Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture) ?? "0"));
        var underlying = type.EnumUnderlyingType?.SpecialType;
        return new JsonSchemaSpec(JsonSchemaKind.Enum)
        {
            EnumMembers = members.ToEquatableArray(),
            Format = underlying is SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 ? "int64" : "int32",
        };
    }

    /// <summary>The public instance properties (and <c>[JsonInclude]</c> members) System.Text.Json writes, base types first.</summary>
    private JsonSchemaSpec ObjectSchema(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
        {
            chain.Push(t);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<JsonSchemaPropertySpec>();
        foreach (var t in chain)
        {
            foreach (var member in t.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (memberType, isRequiredMember) = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } p
                        when p.DeclaredAccessibility == Accessibility.Public || member.HasAttribute(JsonSchemaNames.JsonIncludeAttribute) => (p.Type, p.IsRequired),
                    IFieldSymbol { IsStatic: false, IsConst: false, DeclaredAccessibility: Accessibility.Public } f
                        when member.HasAttribute(JsonSchemaNames.JsonIncludeAttribute) => (f.Type, f.IsRequired),
                    _ => (null, false),
                };
                if (memberType is null || !seen.Add(member.Name) || IsIgnored(member)
                    || member.HasAttribute(JsonSchemaNames.JsonExtensionDataAttribute))
                {
                    continue;
                }

                var attributes = MemberAttributes(type, member, memberType);
                var schema = Read(memberType, attributes);
                var required = isRequiredMember
                    || attributes.Any(a => a.IsAttribute(HttpKnownNames.RequiredAttribute) || a.IsAttribute(JsonSchemaNames.JsonRequiredAttribute));
                var jsonName = member.GetAttributes().FirstOrDefault(a => a.IsAttribute(JsonSchemaNames.JsonPropertyNameAttribute))?.ConstructorString(0);
                properties.Add(new JsonSchemaPropertySpec(member.Name, jsonName, schema, required));
            }
        }

        return new JsonSchemaSpec(JsonSchemaKind.Object) { Properties = properties.ToEquatableArray() };
    }

    /// <summary>
    /// A member's attributes; a positional record property without DataAnnotations of its own takes those of the
    /// constructor parameter of the same name (attributes without a target apply to the parameter).
    /// </summary>
    private static ImmutableArray<AttributeData> MemberAttributes(INamedTypeSymbol type, ISymbol member, ITypeSymbol memberType)
    {
        var attributes = member.GetAttributes();
        if (attributes.Any(IsConstraint) || !SymbolEqualityComparer.Default.Equals(member.ContainingType, type))
        {
            return attributes;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.FirstOrDefault(p => p.Name == member.Name) is { } parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Type, memberType)
                && parameter.GetAttributes().Any(IsConstraint))
            {
                return attributes.AddRange(parameter.GetAttributes());
            }
        }

        return attributes;
    }

    private static bool IsConstraint(AttributeData attribute) =>
        attribute.IsAttribute(HttpKnownNames.RequiredAttribute) || attribute.IsAttribute(HttpKnownNames.RangeAttribute)
        || attribute.IsAttribute(HttpKnownNames.StringLengthAttribute) || attribute.IsAttribute(HttpKnownNames.MinLengthAttribute)
        || attribute.IsAttribute(HttpKnownNames.MaxLengthAttribute) || attribute.IsAttribute(HttpKnownNames.RegularExpressionAttribute)
        || attribute.IsAttribute(HttpKnownNames.EmailAddressAttribute) || attribute.IsAttribute(JsonSchemaNames.LengthAttribute);

    /// <summary><c>[JsonIgnore]</c> without a condition, or with <c>Condition = JsonIgnoreCondition.Always</c> (1).</summary>
    private static bool IsIgnored(ISymbol member)
    {
        var ignore = member.GetAttributes().FirstOrDefault(a => a.IsAttribute(JsonSchemaNames.JsonIgnoreAttribute));
        return ignore is not null && (ignore.NamedArgument("Condition") is not { Value: { } condition } || Convert.ToInt32(condition, CultureInfo.InvariantCulture) == 1);
    }

    private static bool HasStringEnumConverter(ImmutableArray<AttributeData> attributes) =>
        !attributes.IsDefaultOrEmpty && attributes.Any(a => a.IsAttribute(JsonSchemaNames.JsonConverterAttribute)
            && a.ConstructorArgument(0) is { Value: INamedTypeSymbol converter }
            && (converter.Is(JsonSchemaNames.JsonStringEnumConverter) || converter.OriginalDefinition.Is(JsonSchemaNames.JsonStringEnumConverterOfT)));

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
    }

    private static ITypeSymbol? DictionaryValueType(INamedTypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces.Prepend(type))
        {
            if (candidate.IsGenericType && (candidate.OriginalDefinition.Is(JsonSchemaNames.DictionaryInterface)
                || candidate.OriginalDefinition.Is(JsonSchemaNames.ReadOnlyDictionaryInterface)))
            {
                return candidate.TypeArguments[1];
            }
        }

        return null;
    }

    private static ITypeSymbol? EnumerableElementType(INamedTypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces.Prepend(type))
        {
            if (candidate.IsGenericType && candidate.OriginalDefinition.Is(JsonSchemaNames.EnumerableOfT))
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>Adds the DataAnnotations constraints that apply to the schema's kind (lengths to strings, sizes to collections, ranges to numbers).</summary>
    private static JsonSchemaSpec Constrain(JsonSchemaSpec schema, ImmutableArray<AttributeData> attributes)
    {
        var isString = schema.Kind == JsonSchemaKind.String;
        var isCollection = schema.Kind == JsonSchemaKind.Array;
        var isNumber = schema.Kind is JsonSchemaKind.Integer or JsonSchemaKind.Number;
        foreach (var attribute in attributes)
        {
            if (attribute.IsAttribute(HttpKnownNames.RangeAttribute) && isNumber && RangeBounds(attribute) is var (min, max))
            {
                schema = schema with { Minimum = min, Maximum = max };
            }
            else if (attribute.IsAttribute(HttpKnownNames.StringLengthAttribute) && isString && attribute.ConstructorArgument(0) is { Value: int maxLength })
            {
                schema = schema with { MaxLength = maxLength, MinLength = attribute.NamedInt("MinimumLength") is int minLength and > 0 ? minLength : schema.MinLength };
            }
            else if (attribute.IsAttribute(HttpKnownNames.MinLengthAttribute) && attribute.ConstructorArgument(0) is { Value: int minimum and >= 0 })
            {
                schema = isString ? schema with { MinLength = minimum } : isCollection ? schema with { MinItems = minimum } : schema;
            }
            else if (attribute.IsAttribute(HttpKnownNames.MaxLengthAttribute) && attribute.ConstructorArgument(0) is { Value: int maximum and >= 0 })
            {
                schema = isString ? schema with { MaxLength = maximum } : isCollection ? schema with { MaxItems = maximum } : schema;
            }
            else if (attribute.IsAttribute(JsonSchemaNames.LengthAttribute)
                && attribute.ConstructorArgument(0) is { Value: int low and >= 0 } && attribute.ConstructorArgument(1) is { Value: int high and >= 0 })
            {
                schema = isString ? schema with { MinLength = low, MaxLength = high } : isCollection ? schema with { MinItems = low, MaxItems = high } : schema;
            }
            else if (attribute.IsAttribute(HttpKnownNames.RegularExpressionAttribute) && isString && attribute.ConstructorString(0) is { Length: > 0 } pattern)
            {
                schema = schema with { Pattern = pattern };
            }
            else if (attribute.IsAttribute(HttpKnownNames.EmailAddressAttribute) && isString)
            {
                schema = schema with { Format = "email" };
            }
        }

        return schema;
    }

    /// <summary>
    /// <c>[Range(int, int)]</c>, <c>[Range(double, double)]</c>, or <c>[Range(typeof(T), "min", "max")]</c> when both
    /// strings are invariant numbers; anything else (dates, half-typed arguments) documents no bounds.
    /// </summary>
    private static (string Min, string Max)? RangeBounds(AttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        var (first, second) = args.Length switch
        {
            2 => (args[0].Value, args[1].Value),
            3 => (args[1].Value, args[2].Value),
            _ => (null, null),
        };
        return JsonNumber(first) is { } min && JsonNumber(second) is { } max ? (min, max) : null;
    }

    /// <summary>A value as a JSON number, or null when it is not a finite number (strings are parsed invariantly).</summary>
    internal static string? JsonNumber(object? value)
    {
        switch (value)
        {
            case int or long or short or sbyte or byte or ushort or uint or ulong:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            case double d:
                return double.IsNaN(d) || double.IsInfinity(d) ? null : d.ToString("R", CultureInfo.InvariantCulture);
            case float f:
                return float.IsNaN(f) || float.IsInfinity(f) ? null : f.ToString("R", CultureInfo.InvariantCulture);
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture);
            case string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed.ToString(CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }
}
