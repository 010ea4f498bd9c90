using System.Collections.Immutable;
using System.Linq;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// SLS3024: a <c>[RestApi]</c> route's declared binary response (<c>[HttpResponse(200, ContentType = "image/png")]</c>)
/// that the app's <c>RestApiOptions.BinaryMediaTypes</c> does not take. A REST API passes such a body to the client as
/// the base64 text the function returns; HTTP APIs decode it themselves, so only REST routes count.
/// </summary>
public static class BinaryResponseRules
{
    /// <summary>The diagnostics of one function (a class function: of each endpoint), at each <c>[HttpResponse]</c>.</summary>
    /// <param name="api">The app's API settings; <see cref="ApiReadResult.None"/> (no <c>RestApiOptions</c>) lists no binary type.</param>
    public static ImmutableArray<ModelDiagnostic> Validate(FunctionReadResult function, ApiReadResult api)
    {
        if (function.Spec is not { } spec)
        {
            return ImmutableArray<ModelDiagnostic>.Empty;
        }

        var binaryMediaTypes = api.Spec?.RestApi?.BinaryMediaTypes ?? default;
        var listed = binaryMediaTypes.IsEmpty ? "lists none" : "lists " + string.Join(", ", binaryMediaTypes.Select(t => "'" + t + "'"));
        var bag = new DiagnosticBag();
        var type = spec.HandlerType.DisplayName;
        var typeName = type.Substring(type.LastIndexOf('.') + 1);
        var index = 0;
        foreach (var endpoint in spec.Handlers)
        {
            var locations = function.Locations.Handler(index++);
            if (endpoint.Http is not { } http || http.Routes.FirstOrDefault(r => r.Api == HttpApiKind.RestApi) is not { } route)
            {
                continue;
            }

            // One diagnostic per response (not per REST route): the fix, one list entry, is the same for each.
            for (var i = 0; i < http.Responses.Count; i++)
            {
                if (http.Responses[i].ContentType is not { } contentType || MediaTypes.IsText(contentType))
                {
                    continue;
                }

                var media = MediaTypes.Essence(contentType);
                if (!binaryMediaTypes.Any(pattern => MediaTypes.Matches(pattern, media)))
                {
                    bag.Add(ModelDiagnostic.Create(DiagnosticDescriptors.BinaryResponseNotBinary, locations.Response(i),
                        typeName + "." + endpoint.MethodName, media, route.Method, route.Template, listed)
                        with { Properties = EquatableArray.Create(new KeyValue(AuthPropertyNames.BinaryMediaType, media)) });
                }
            }
        }

        return bag.ToImmutable();
    }
}
