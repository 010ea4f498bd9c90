using System;
using System.Linq;
using System.Text;
using Serverless.Analyzers.Model;

namespace Serverless.Generators.Emitter;

/// <summary>
/// Writes one entry of a function's <c>"http"</c> array (docs/design/contracts.md): the route for the template, and
/// its OpenAPI operation facts (parameters, request body, responses) as OpenAPI 3.0 objects. One call per endpoint:
/// a function serving several routes, or several methods, calls it with each route and the spec of its method.
/// </summary>
internal static class HttpRouteManifestWriter
{
    /// <param name="handler">A class function's endpoint method serving the route (operation ids and tags); null for a method function.</param>
    public static void Write(StringBuilder json, HttpRouteSpec route, HttpSpec http, string? handler, AppSpec? app, OpenApiSchemaWriter schemas)
    {
        schemas.UseHttp();
        json.Append("{\"method\":").Append(Literals.JsonString(route.Method))
            .Append(",\"path\":").Append(Literals.JsonString(route.Template))
            .Append(",\"api\":").Append(Literals.JsonString(route.Api == HttpApiKind.RestApi ? "RestApi" : "HttpApi"));
        if (handler is not null)
        {
            json.Append(",\"handler\":").Append(Literals.JsonString(handler));
        }

        if (ApiManifestWriter.RouteAuth(route, app) is { } auth)
        {
            json.Append(",\"auth\":").Append(auth);
        }

        if (http.OpenApi is { } openApi)
        {
            WriteOperation(json, route, http, openApi, schemas);
        }

        json.Append('}');
    }

    private static void WriteOperation(StringBuilder json, HttpRouteSpec route, HttpSpec http, HttpOpenApiSpec openApi, OpenApiSchemaWriter schemas)
    {
        // A route value of the method that this route's template does not have belongs to its other routes.
        var parameters = openApi.Parameters.Where(p => p.Source != HttpBindingSource.Route
            || route.Parameters.Any(n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (parameters.Count > 0)
        {
            json.Append(",\"parameters\":[");
            for (var i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                // The template's spelling: route values match case-insensitively, OpenAPI path names exactly.
                var name = p.Source == HttpBindingSource.Route
                    ? route.Parameters.First(n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase))
                    : p.Name;
                // A greedy value is named as its template expression ({proxy+} -> "proxy+"): OpenAPI matches the
                // names of path parameters to the path's expressions literally.
                if (p.Source == HttpBindingSource.Route && route.Template.IndexOf("{" + name + "+}", StringComparison.Ordinal) >= 0)
                {
                    name += "+";
                }

                json.Append(i == 0 ? "" : ",").Append("{\"name\":").Append(Literals.JsonString(name))
                    .Append(",\"in\":").Append(Literals.JsonString(p.Source switch
                    {
                        HttpBindingSource.Route => "path",
                        HttpBindingSource.Header => "header",
                        _ => "query",
                    }));
                if (p.Required)
                {
                    json.Append(",\"required\":true");
                }

                json.Append(",\"schema\":");
                schemas.Write(json, p.Schema);
                json.Append('}');
            }

            json.Append(']');
        }

        if (openApi.Body is { } body)
        {
            json.Append(",\"requestBody\":{");
            if (body.Required)
            {
                json.Append("\"required\":true,");
            }

            json.Append("\"content\":{\"application/json\":{\"schema\":");
            schemas.Write(json, body.Schema);
            json.Append("}}}");
        }

        json.Append(",\"responses\":{");
        switch (http.Result)
        {
            case HttpResultKind.Json:
                json.Append("\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":");
                if (openApi.Result is { } result)
                {
                    schemas.Write(json, result);
                }
                else
                {
                    json.Append("{}");
                }

                json.Append("}}}");
                if (http.NotFoundOnNull)
                {
                    json.Append(",\"404\":{\"description\":\"Not Found (the function returned null)\"}");
                }

                break;
            case HttpResultKind.NoContent:
                json.Append("\"204\":{\"description\":\"No Content\"}");
                break;
            default:
                json.Append("\"default\":{\"description\":\"The IHttpResult the function returns\"}");
                break;
        }

        if (http.Parameters.Any(p => p.Source != HttpBindingSource.Request))
        {
            json.Append(",\"400\":{\"description\":\"The request is not valid (every problem, keyed by field)\",\"content\":{\"application/problem+json\":{\"schema\":")
                .Append(OpenApiSchemaWriter.Ref(OpenApiSchemaWriter.ValidationProblemDetails)).Append("}}}");
        }

        json.Append(",\"500\":{\"description\":\"An unexpected error occurred\",\"content\":{\"application/problem+json\":{\"schema\":")
            .Append(OpenApiSchemaWriter.Ref(OpenApiSchemaWriter.ProblemDetails)).Append("}}}");
        json.Append('}');
    }
}
