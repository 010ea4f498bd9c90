using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Reads what the OpenAPI document needs about an HTTP endpoint: parameter, body and result schemas (see
/// <see cref="JsonSchemaReader"/>). Runs in the generator's parser on the method the <see cref="HttpSpec"/> was read
/// from, so the schemas follow the user's types through the incremental pipeline.
/// </summary>
public static class HttpOpenApiReader
{
    public static HttpOpenApiSpec Read(IMethodSymbol method, HttpSpec http, CancellationToken cancellationToken)
    {
        var reader = new JsonSchemaReader(cancellationToken);
        var parameters = new System.Collections.Generic.List<HttpOpenApiParameterSpec>();
        HttpOpenApiBodySpec? body = null;
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (http.Parameter(parameter.Name) is not { } spec)
            {
                continue;
            }

            switch (spec.Source)
            {
                case HttpBindingSource.Route or HttpBindingSource.Query or HttpBindingSource.Header:
                    // A request value is absent or present, never JSON null; enums bind by name.
                    var schema = NotNullable(reader.Read(parameter.Type, parameter.GetAttributes(), enumsByName: true));
                    schema = schema with { Default = DefaultJson(parameter, schema) };
                    var required = spec.Source == HttpBindingSource.Route || spec.IsRequired
                        || spec.Validations.Any(v => v.Kind == HttpValidationKind.Required);
                    parameters.Add(new HttpOpenApiParameterSpec(spec.FieldName, spec.Source, required, schema));
                    break;
                case HttpBindingSource.Body when body is null:
                    body = new HttpOpenApiBodySpec(spec.IsRequired, reader.Read(parameter.Type, parameter.GetAttributes()));
                    break;
            }
        }

        JsonSchemaSpec? result = null;
        if (http.Result == HttpResultKind.Json && ResultType(method) is { } resultType)
        {
            result = reader.Read(resultType, method.GetReturnTypeAttributes());
            if (http.NotFoundOnNull)
            {
                result = result with { Nullable = false };   // null is the 404, not a 200 body
            }
        }

        var responses = HttpResponseReader.Read(method, bag: null, handler: "", cancellationToken)
            .Select(r => new HttpOpenApiResponseSpec(r.Spec.StatusCode, r.Spec.Description, r.Spec.ContentType, ResponseSchema(reader, r)))
            .ToEquatableArray();
        // The definitions last: the declared responses' types share the components of the others.
        return new HttpOpenApiSpec(parameters.ToEquatableArray(), body, result, reader.Definitions) { Responses = responses };
    }

    /// <summary>
    /// A declared response's body schema: JSON as the context writes the type (any JSON without one); a string for text
    /// (<see cref="MediaTypes.IsText">a text media type</see>, or a string type), a binary string for bytes (<c>byte[]</c>, or another media type without a type);
    /// null for a problem (the shared component) and without a body.
    /// </summary>
    private static JsonSchemaSpec? ResponseSchema(JsonSchemaReader reader, HttpDeclaredResponse response)
    {
        var (spec, type) = (response.Spec, response.Type);
        if (spec.ContentType is not { } contentType || type.Is(HttpKnownNames.HttpProblemDetails))
        {
            return null;
        }

        if (HttpResponseReader.IsJson(contentType))
        {
            return type is null ? new JsonSchemaSpec(JsonSchemaKind.Any) : reader.Read(type, ImmutableArray<AttributeData>.Empty) with { Nullable = false };
        }

        var binary = new JsonSchemaSpec(JsonSchemaKind.String) { Format = "binary" };
        return type switch
        {
            null => MediaTypes.IsText(contentType) ? new JsonSchemaSpec(JsonSchemaKind.String) : binary,
            { SpecialType: SpecialType.System_String } => new JsonSchemaSpec(JsonSchemaKind.String),
            IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } => binary,
            _ when type.Is("System.IO.Stream")
                || (type.Is("System.ReadOnlyMemory`1") && ((INamedTypeSymbol)type).TypeArguments[0].SpecialType == SpecialType.System_Byte) => binary,
            _ => reader.Read(type, ImmutableArray<AttributeData>.Empty) with { Nullable = false },
        };
    }

    private static ITypeSymbol? ResultType(IMethodSymbol method)
    {
        var type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true } task
            && (task.OriginalDefinition.Is(KnownNames.TaskOfT) || task.OriginalDefinition.Is(KnownNames.ValueTaskOfT)))
        {
            return task.TypeArguments[0];
        }

        return method.ReturnsVoid ? null : type;
    }

    private static JsonSchemaSpec NotNullable(JsonSchemaSpec schema) =>
        schema with { Nullable = false, Items = schema.Items is { } items ? items with { Nullable = false } : null };

    /// <summary>The parameter's default as JSON (a null default says nothing a missing value does not).</summary>
    private static string? DefaultJson(IParameterSymbol parameter, JsonSchemaSpec schema)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is not { } value)
        {
            return null;
        }

        if (schema.Kind == JsonSchemaKind.Enum)
        {
            var text = System.Convert.ToString(value, CultureInfo.InvariantCulture);
            return schema.EnumMembers.FirstOrDefault(m => m.Value == text) is { } member ? JsonText.Quote(member.Name) : null;
        }

        return value switch
        {
            string s => JsonText.Quote(s),
            char c => JsonText.Quote(c.ToString()),
            bool b => b ? "true" : "false",
            _ => JsonSchemaReader.JsonNumber(value),
        };
    }
}
