using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Reads <c>[Authorize]</c> and <c>[AllowAnonymous]</c> of routes and checks routes and <c>[Authorize]</c> against the
/// app's API settings (<see cref="ApiReader"/>): SLS3009, SLS3011-SLS3013.
/// </summary>
public static class AuthReader
{
    /// <summary>An <c>[Authorize]</c> with a constant name, else null.</summary>
    public static AuthRequirement? ReadAuthorize(AttributeData attribute)
    {
        if (!attribute.IsAttribute(ApiKnownNames.AuthorizeAttribute) || attribute.AttributeConstructor is null
            || attribute.ConstructorArgument(0) is not { Value: string name })
        {
            return null;
        }

        var scopes = (attribute.NamedStringArray("Scopes") ?? Array.Empty<string>()).Where(s => s.Length > 0).ToEquatableArray();
        return new AuthRequirement(name, scopes);
    }

    /// <summary>What one symbol declares: <c>[AllowAnonymous]</c> wins over an <c>[Authorize]</c> beside it; null when neither.</summary>
    public static RouteAuthDeclaration? ReadLevel(ImmutableArray<AttributeData> attributes)
    {
        RouteAuthDeclaration? found = null;
        foreach (var attribute in attributes)
        {
            if (attribute.IsAttribute(ApiKnownNames.AllowAnonymousAttribute))
            {
                return RouteAuthDeclaration.AllowAnonymous;
            }

            if (found is null && ReadAuthorize(attribute) is { } requirement)
            {
                found = new RouteAuthDeclaration(false, requirement);
            }
        }

        return found;
    }

    /// <summary>What the method declares, else its innermost class that declares anything; null leaves it to the assembly.</summary>
    public static RouteAuthDeclaration? ReadDeclared(IMethodSymbol method)
    {
        if (ReadLevel(method.GetAttributes()) is { } own)
        {
            return own;
        }

        foreach (var type in method.ContainingTypesOutward())
        {
            if (ReadLevel(type.GetAttributes()) is { } declared)
            {
                return declared;
            }
        }

        return null;
    }

    /// <summary>
    /// SLS3011 (an unknown authorizer) and SLS3013 (scopes with IAM or a Lambda authorizer) for the <c>[Authorize]</c>
    /// among one symbol's attributes (the assembly's, a class's or a method's).
    /// </summary>
    public static ImmutableArray<ModelDiagnostic> ValidateAuthorize(ImmutableArray<AttributeData> attributes, ApiReadResult api, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        foreach (var attribute in attributes)
        {
            if (ReadAuthorize(attribute) is not { } requirement)
            {
                continue;
            }

            var whole = LocationInfo.From(attribute.ApplicationSyntaxReference);
            if (!requirement.IsIam && !api.DeclaredNames.Contains(requirement.Authorizer))
            {
                bag.Add(DiagnosticDescriptors.UnknownAuthorizer, attribute.ConstructorArgumentLocation(0, "authorizer", cancellationToken) ?? whole,
                    requirement.Authorizer, Declared(api));
                continue;
            }

            if (!requirement.Scopes.IsEmpty)
            {
                var what = requirement.IsIam
                    ? "IAM authorization"
                    : api.Spec?.Authorizer(requirement.Authorizer) is { SupportsScopes: false } ? $"the Lambda authorizer '{requirement.Authorizer}'" : null;
                if (what is not null)
                {
                    bag.Add(DiagnosticDescriptors.ScopesWithoutScopeSupport, attribute.NamedArgumentLocation("Scopes", cancellationToken) ?? whole,
                        requirement.Authorizer, what);
                }
            }
        }

        return bag.ToImmutable();
    }

    /// <summary>
    /// SLS3009 (a public route of an app that requires auth, neither authorized nor marked <c>[AllowAnonymous]</c>) and
    /// SLS3012 (auth or CORS the route's API cannot use), at each route's attribute.
    /// </summary>
    public static ImmutableArray<ModelDiagnostic> ValidateRoutes(FunctionReadResult function, ApiReadResult api)
    {
        if (function.Spec is not { } spec || api.Spec is null)
        {
            return ImmutableArray<ModelDiagnostic>.Empty;
        }

        // A method function is its one handler; a class function's handlers are its endpoints, each with its locations.
        var bag = new DiagnosticBag();
        var type = spec.HandlerType.DisplayName;
        var typeName = type.Substring(type.LastIndexOf('.') + 1);
        var index = 0;
        foreach (var endpoint in spec.Handlers)
        {
            if (endpoint.Http is { } http)
            {
                ValidateRoutes(http, function.Locations.Handler(index), typeName + "." + endpoint.MethodName, api, bag);
            }

            index++;
        }

        return bag.ToImmutable();
    }

    private static void ValidateRoutes(HttpSpec http, FunctionLocations locations, string handler, ApiReadResult api, DiagnosticBag bag)
    {
        var spec = api.Spec!;
        for (var i = 0; i < http.Routes.Count; i++)
        {
            var route = http.Routes[i];
            var location = i < locations.RouteAttributes.Count ? locations.RouteAttributes[i] : locations.Route(i);
            var apiName = route.Api == HttpApiKind.RestApi ? "REST API" : "HTTP API";
            var requirement = RouteAuthDeclaration.Resolve(route.Auth, spec);
            if (route.Auth is null && requirement is null && !api.DeclaredNames.IsEmpty)
            {
                bag.Add(new ModelDiagnostic(DiagnosticDescriptors.RouteWithoutAuth, location,
                    EquatableArray.Create(route.Method, route.Template, handler, string.Join(", ", api.DeclaredNames.Distinct().Select(n => "'" + n + "'"))))
                {
                    // The fix offers [Authorize] for the authorizers this route's API can use.
                    Properties = EquatableArray.Create(new KeyValue(AuthPropertyNames.Authorizers,
                        string.Join("\n", spec.Authorizers.Where(a => Usable(a, route.Api)).Select(a => a.Name)))),
                });
            }

            if (requirement is not null && spec.Authorizer(requirement.Authorizer) is { } authorizer)
            {
                if (!authorizer.SupportedBy(route.Api))
                {
                    bag.Add(DiagnosticDescriptors.AuthNotSupportedByApi, location, route.Method, route.Template, handler, apiName,
                        $"the JWT authorizer '{authorizer.Name}'; REST APIs take a Cognito or Lambda authorizer");
                }
                else if (!Usable(authorizer, route.Api))
                {
                    bag.Add(DiagnosticDescriptors.AuthNotSupportedByApi, location, route.Method, route.Template, handler, apiName,
                        $"the Cognito authorizer '{authorizer.Name}' without Audience; an HTTP API checks the token's audience, so list the user pool's app client IDs");
                }
            }

            if (route.Api == HttpApiKind.RestApi && spec.Cors is { } cors)
            {
                if (cors.AllowOrigins.Count > 1)
                {
                    bag.Add(DiagnosticDescriptors.AuthNotSupportedByApi, location, route.Method, route.Template, handler, apiName,
                        $"{cors.AllowOrigins.Count} CORS origins; a REST API's CORS allows one origin (or '*')");
                }
                else if (!cors.ExposeHeaders.IsEmpty)
                {
                    bag.Add(DiagnosticDescriptors.AuthNotSupportedByApi, location, route.Method, route.Template, handler, apiName,
                        "CORS ExposeHeaders; a REST API's CORS configuration has none (return Access-Control-Expose-Headers from the function)");
                }
            }
        }

    }

    private static bool Usable(AuthorizerSpec authorizer, HttpApiKind api) =>
        authorizer.SupportedBy(api) && !(authorizer.Kind == AuthorizerKind.Cognito && api == HttpApiKind.HttpApi && authorizer.Audience.IsEmpty);

    private static string Declared(ApiReadResult api) =>
        api.DeclaredNames.IsEmpty ? "it declares none" : "it declares " + string.Join(", ", api.DeclaredNames.Distinct().Select(n => "'" + n + "'"));
}
