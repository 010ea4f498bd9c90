using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Serverless.Analyzers.Model;

namespace Serverless.Generators.Emitter;

/// <summary>
/// The app-wide part of the manifest's OpenAPI facts: one component name per user type (unique across functions),
/// the JSON context's naming policy and enum setting, and the writing of <see cref="JsonSchemaSpec"/>s as OpenAPI 3.0
/// Schema Objects (<c>nullable</c>, <c>$ref</c> to <c>#/components/schemas</c>).
/// </summary>
internal sealed class OpenApiSchemaWriter
{
    public const string ProblemDetails = "ProblemDetails";
    public const string ValidationProblemDetails = "HttpValidationProblemDetails";
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);
    private readonly List<JsonSchemaDefinition> _definitions = new();
    private readonly JsonNamingPolicyKind _naming;
    private readonly bool _enumsAsStrings;

    private OpenApiSchemaWriter(JsonNamingPolicyKind naming, bool enumsAsStrings)
    {
        _naming = naming;
        _enumsAsStrings = enumsAsStrings;
    }

    /// <summary>Names every type the functions' schemas define, in function order; a name taken by another type gets a number.</summary>
    public static OpenApiSchemaWriter Create(IEnumerable<FunctionSpec> functions, JsonContextSpec? context)
    {
        var writer = new OpenApiSchemaWriter(context?.NamingPolicy ?? JsonNamingPolicyKind.Unspecified, context?.EnumsAsStrings ?? false);
        var used = new HashSet<string>(System.StringComparer.Ordinal) { ProblemDetails, ValidationProblemDetails };
        foreach (var definition in functions.SelectMany(f => f.Handlers).SelectMany(h => h.Http?.OpenApi?.Definitions ?? default))
        {
            if (writer._names.ContainsKey(definition.TypeName))
            {
                continue;
            }

            var preferred = ComponentName(definition.Name);
            var name = preferred;
            for (var i = 2; !used.Add(name); i++)
            {
                name = preferred + i.ToString(CultureInfo.InvariantCulture);
            }

            writer._names[definition.TypeName] = name;
            writer._definitions.Add(definition);
        }

        return writer;
    }

    /// <summary>OpenAPI component keys match <c>^[a-zA-Z0-9.\-_]+$</c>: other characters of a C# name (non-ASCII letters) become <c>_</c>.</summary>
    private static string ComponentName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    /// <summary>Whether any function has an HTTP route (the manifest then carries the problem schemas).</summary>
    public bool HasHttp { get; private set; }

    /// <summary>Records that an HTTP route was written.</summary>
    public void UseHttp() => HasHttp = true;

    /// <summary>The root <c>"schemas"</c> map: the user types by component name, then the problem shapes the runtime writes.</summary>
    public string WriteSchemas()
    {
        var json = new StringBuilder("{");
        foreach (var definition in _definitions.OrderBy(d => _names[d.TypeName], System.StringComparer.Ordinal))
        {
            json.Append(Literals.JsonString(_names[definition.TypeName])).Append(':');
            Write(json, definition.Schema);
            json.Append(',');
        }

        // RFC 9457 problems as HttpProblemDetails writes them (500s carry the Lambda request id).
        json.Append(Literals.JsonString(ProblemDetails)).Append(":{\"type\":\"object\",\"properties\":{")
            .Append("\"type\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},\"status\":{\"type\":\"integer\",\"format\":\"int32\"},")
            .Append("\"detail\":{\"type\":\"string\"},\"instance\":{\"type\":\"string\"},\"requestId\":{\"type\":\"string\"}}},");
        json.Append(Literals.JsonString(ValidationProblemDetails)).Append(":{\"type\":\"object\",\"properties\":{")
            .Append("\"type\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},\"status\":{\"type\":\"integer\",\"format\":\"int32\"},")
            .Append("\"errors\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}},")
            .Append("\"required\":[\"errors\"]}}");
        return json.ToString();
    }

    /// <summary>A <c>$ref</c> to a component.</summary>
    public static string Ref(string component) => "{\"$ref\":" + Literals.JsonString(ComponentPrefix + component) + "}";

    public void Write(StringBuilder json, JsonSchemaSpec schema)
    {
        if (schema.Kind == JsonSchemaKind.Reference)
        {
            var target = schema.Reference is { } typeName && _names.TryGetValue(typeName, out var name) ? Ref(name) : "{}";
            // OpenAPI 3.0 ignores siblings of $ref: a nullable reference wraps it.
            json.Append(schema.Nullable ? "{\"allOf\":[" + target + "],\"nullable\":true}" : target);
            return;
        }

        json.Append('{');
        var first = true;
        void Field(string name, string raw)
        {
            json.Append(first ? "" : ",").Append('"').Append(name).Append("\":").Append(raw);
            first = false;
        }

        switch (schema.Kind)
        {
            case JsonSchemaKind.String:
                Field("type", "\"string\"");
                break;
            case JsonSchemaKind.Integer:
                Field("type", "\"integer\"");
                break;
            case JsonSchemaKind.Number:
                Field("type", "\"number\"");
                break;
            case JsonSchemaKind.Boolean:
                Field("type", "\"boolean\"");
                break;
            case JsonSchemaKind.Array:
                Field("type", "\"array\"");
                break;
            case JsonSchemaKind.Map or JsonSchemaKind.Object:
                Field("type", "\"object\"");
                break;
            case JsonSchemaKind.Enum:
                var byName = schema.EnumAsString ?? _enumsAsStrings;
                Field("type", byName ? "\"string\"" : "\"integer\"");
                if (!byName && schema.Format is { } enumFormat)
                {
                    Field("format", Literals.JsonString(enumFormat));
                }

                Field("enum", "[" + string.Join(",", schema.EnumMembers.Select(m => byName ? Literals.JsonString(m.Name) : m.Value)) + "]");
                break;
        }

        if (schema.Kind != JsonSchemaKind.Enum && schema.Format is { } format)
        {
            Field("format", Literals.JsonString(format));
        }

        if (schema.Items is { } items)
        {
            var inner = new StringBuilder();
            Write(inner, items);
            Field(schema.Kind == JsonSchemaKind.Map ? "additionalProperties" : "items", inner.ToString());
        }

        if (schema.Kind == JsonSchemaKind.Object)
        {
            var properties = new StringBuilder("{");
            var required = new List<string>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var property in schema.Properties)
            {
                var name = property.JsonName ?? JsonNamingPolicy.Apply(_naming, property.Name);
                if (!seen.Add(name))
                {
                    continue;
                }

                properties.Append(properties.Length > 1 ? "," : "").Append(Literals.JsonString(name)).Append(':');
                Write(properties, property.Schema);
                if (property.Required)
                {
                    required.Add(name);
                }
            }

            Field("properties", properties.Append('}').ToString());
            if (required.Count > 0)
            {
                Field("required", "[" + string.Join(",", required.Select(Literals.JsonString)) + "]");
            }
        }

        OptionalNumber("minimum", schema.Minimum);
        OptionalNumber("maximum", schema.Maximum);
        OptionalInt("minLength", schema.MinLength);
        OptionalInt("maxLength", schema.MaxLength);
        OptionalInt("minItems", schema.MinItems);
        OptionalInt("maxItems", schema.MaxItems);
        if (schema.Pattern is { } pattern)
        {
            Field("pattern", Literals.JsonString(pattern));
        }

        if (schema.Default is { } defaultValue)
        {
            Field("default", defaultValue);
        }

        if (schema.Nullable)
        {
            Field("nullable", "true");
        }

        json.Append('}');

        void OptionalNumber(string name, string? value)
        {
            if (value is not null)
            {
                Field(name, value);
            }
        }

        void OptionalInt(string name, int? value)
        {
            if (value is int v)
            {
                Field(name, v.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
