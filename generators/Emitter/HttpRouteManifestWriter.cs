using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Serverless.Analyzers.Model;
using Serverless.Runtime.Http;

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

        WriteResponses(json, http, openApi, schemas);
    }

    /// <summary>
    /// The responses: the automatic ones (200 and 404, or 204; a generic <c>default</c> for an <c>IHttpResult</c> that
    /// declares nothing), the declared ones in status order, then 400 (when the route binds anything) and 500. A declared
    /// status the build also writes is one response: the declared description wins, and its content is added (the same
    /// media type replaced).
    /// </summary>
    private static void WriteResponses(StringBuilder json, HttpSpec http, HttpOpenApiSpec openApi, OpenApiSchemaWriter schemas)
    {
        var responses = new List<Response>();
        switch (http.Result)
        {
            case HttpResultKind.Json:
                var result = openApi.Result;
                responses.Add(new Response("200", "OK").With("application/json", j =>
                {
                    if (result is not null)
                    {
                        schemas.Write(j, result);
                    }
                    else
                    {
                        j.Append("{}");
                    }
                }));
                if (http.NotFoundOnNull)
                {
                    responses.Add(new Response("404", "Not Found (the function returned null)"));
                }

                break;
            case HttpResultKind.NoContent:
                responses.Add(new Response("204", "No Content"));
                break;
            default:
                if (openApi.Responses.IsEmpty)
                {
                    responses.Add(new Response("default", "The IHttpResult the function returns"));
                }

                break;
        }

        var problems = new List<Response>();
        if (http.Parameters.Any(p => p.Source != HttpBindingSource.Request))
        {
            problems.Add(new Response("400", "The request is not valid (every problem, keyed by field)")
                .With("application/problem+json", j => j.Append(OpenApiSchemaWriter.Ref(OpenApiSchemaWriter.ValidationProblemDetails))));
        }

        problems.Add(new Response("500", "An unexpected error occurred")
            .With("application/problem+json", j => j.Append(OpenApiSchemaWriter.Ref(OpenApiSchemaWriter.ProblemDetails))));

        foreach (var declared in openApi.Responses.OrderBy(r => r.StatusCode))
        {
            var key = declared.StatusCode.ToString(CultureInfo.InvariantCulture);
            var response = responses.Concat(problems).FirstOrDefault(r => r.Key == key);
            if (response is null)
            {
                response = new Response(key, HttpReasonPhrases.Get(declared.StatusCode));
                responses.Add(response);
            }

            // The first declared description wins over the build's.
            response.Description ??= declared.Description;
            if (declared.ContentType is { } contentType)
            {
                var schema = declared.Schema;
                response.With(contentType, j =>
                {
                    if (schema is not null)
                    {
                        schemas.Write(j, schema);
                    }
                    else
                    {
                        j.Append(OpenApiSchemaWriter.Ref(OpenApiSchemaWriter.ProblemDetails));
                    }
                });
            }
        }

        json.Append(",\"responses\":{");
        var first = true;
        foreach (var response in responses.Concat(problems))
        {
            json.Append(first ? "" : ",").Append(Literals.JsonString(response.Key)).Append(":{\"description\":")
                .Append(Literals.JsonString(response.Description ?? response.Automatic));
            first = false;
            if (response.Content.Count > 0)
            {
                json.Append(",\"content\":{");
                for (var i = 0; i < response.Content.Count; i++)
                {
                    json.Append(i == 0 ? "" : ",").Append(Literals.JsonString(response.Content[i].MediaType)).Append(":{\"schema\":");
                    response.Content[i].Schema(json);
                    json.Append('}');
                }

                json.Append('}');
            }

            json.Append('}');
        }

        json.Append('}');
    }

    /// <summary>One response being assembled: its status key, description and content by media type.</summary>
    private sealed class Response(string key, string automatic)
    {
        public string Key { get; } = key;

        /// <summary>What the build says about it without a declared description (for a declared status alone: the reason phrase).</summary>
        public string Automatic { get; } = automatic;

        /// <summary>A declared description, once one is seen.</summary>
        public string? Description { get; set; }

        public List<(string MediaType, Action<StringBuilder> Schema)> Content { get; } = new();

        /// <summary>Adds (or replaces) the content of <paramref name="mediaType"/>.</summary>
        public Response With(string mediaType, Action<StringBuilder> schema)
        {
            var index = Content.FindIndex(c => string.Equals(c.MediaType, mediaType, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                Content[index] = (mediaType, schema);
            }
            else
            {
                Content.Add((mediaType, schema));
            }

            return this;
        }
    }
}
