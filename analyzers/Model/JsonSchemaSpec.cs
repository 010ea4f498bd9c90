namespace Serverless.Analyzers.Model;

/// <summary>What a <see cref="JsonSchemaSpec"/> describes.</summary>
public enum JsonSchemaKind
{
    /// <summary>Any JSON value (<c>object</c>, <c>JsonElement</c>, types the model cannot describe).</summary>
    Any,
    /// <summary>A JSON string (with an optional <see cref="JsonSchemaSpec.Format"/>).</summary>
    String,
    /// <summary>A JSON integer (<c>int32</c>/<c>int64</c>).</summary>
    Integer,
    /// <summary>A JSON number (<c>float</c>/<c>double</c>; no format for <c>decimal</c>).</summary>
    Number,
    /// <summary><c>true</c>/<c>false</c>.</summary>
    Boolean,
    /// <summary>A JSON array of <see cref="JsonSchemaSpec.Items"/>.</summary>
    Array,
    /// <summary>A JSON object with string keys and values of <see cref="JsonSchemaSpec.Items"/> (a dictionary).</summary>
    Map,
    /// <summary>An enum: <see cref="JsonSchemaSpec.EnumMembers"/>, written as names or numbers (see <see cref="JsonSchemaSpec.EnumAsString"/>).</summary>
    Enum,
    /// <summary>An object with <see cref="JsonSchemaSpec.Properties"/> (only in a <see cref="JsonSchemaDefinition"/>).</summary>
    Object,
    /// <summary>A named schema: the definition of the type <see cref="JsonSchemaSpec.Reference"/>.</summary>
    Reference,
}

/// <summary>
/// A JSON schema of a value as System.Text.Json writes it, before the app's naming policy and enum settings are applied
/// (those belong to the JSON context, which the manifest writer knows). Equatable, symbol-free.
/// </summary>
public sealed record JsonSchemaSpec(JsonSchemaKind Kind)
{
    /// <summary>The OpenAPI format (<c>int32</c>, <c>uuid</c>, <c>date-time</c>, <c>email</c>, ...).</summary>
    public string? Format { get; init; }

    /// <summary>For <see cref="JsonSchemaKind.Reference"/>: the fully qualified type name of the definition.</summary>
    public string? Reference { get; init; }

    /// <summary>The element schema of an array, the value schema of a map.</summary>
    public JsonSchemaSpec? Items { get; init; }

    /// <summary>For <see cref="JsonSchemaKind.Enum"/>: the members in declaration order.</summary>
    public EquatableArray<JsonEnumMember> EnumMembers { get; init; }

    /// <summary>
    /// For <see cref="JsonSchemaKind.Enum"/>: true when the value is written by name whatever the context says (a
    /// <c>JsonStringEnumConverter</c> on the enum or the property; route, query and header values, bound by name);
    /// false when it is a number whatever the context says; null when the context's options decide.
    /// </summary>
    public bool? EnumAsString { get; init; }

    /// <summary>Whether <c>null</c> is a valid value (a nullable annotation or <c>Nullable&lt;T&gt;</c>).</summary>
    public bool Nullable { get; init; }

    /// <summary><c>[Range]</c> minimum as JSON number text.</summary>
    public string? Minimum { get; init; }

    /// <summary><c>[Range]</c> maximum as JSON number text.</summary>
    public string? Maximum { get; init; }

    /// <summary>String length bounds (<c>[StringLength]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c> on strings).</summary>
    public int? MinLength { get; init; }

    /// <inheritdoc cref="MinLength"/>
    public int? MaxLength { get; init; }

    /// <summary>Collection size bounds (<c>[MinLength]</c>, <c>[MaxLength]</c>, <c>[Length]</c> on collections).</summary>
    public int? MinItems { get; init; }

    /// <inheritdoc cref="MinItems"/>
    public int? MaxItems { get; init; }

    /// <summary><c>[RegularExpression]</c> pattern.</summary>
    public string? Pattern { get; init; }

    /// <summary>The default value as JSON text (a parameter's default).</summary>
    public string? Default { get; init; }

    /// <summary>For <see cref="JsonSchemaKind.Object"/>: the serialized properties in declaration order (base types first).</summary>
    public EquatableArray<JsonSchemaPropertySpec> Properties { get; init; }
}

/// <summary>One enum member: its C# name (or <c>[JsonStringEnumMemberName]</c>) and its numeric value as JSON text.</summary>
public sealed record JsonEnumMember(string Name, string Value);

/// <summary>A serialized property of an object schema.</summary>
/// <param name="Name">The C# name (the context's naming policy applies to it).</param>
/// <param name="JsonName">The <c>[JsonPropertyName]</c>, used as is; null when not set.</param>
/// <param name="Schema">The value's schema, with the property's DataAnnotations constraints.</param>
/// <param name="Required">Whether the property must be present (<c>required</c>, <c>[Required]</c>, <c>[JsonRequired]</c>).</param>
public sealed record JsonSchemaPropertySpec(string Name, string? JsonName, JsonSchemaSpec Schema, bool Required);

/// <summary>A named schema of a user type, referenced by <see cref="JsonSchemaKind.Reference"/> schemas.</summary>
/// <param name="TypeName">The fully qualified type name (what references point at).</param>
/// <param name="Name">The preferred component name (<c>Order</c>, <c>PageOrder</c>); the manifest writer makes it unique.</param>
/// <param name="Schema">An <see cref="JsonSchemaKind.Object"/> or <see cref="JsonSchemaKind.Enum"/> schema.</param>
public sealed record JsonSchemaDefinition(string TypeName, string Name, JsonSchemaSpec Schema);
