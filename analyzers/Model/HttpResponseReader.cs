using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>One declared response with what only the readers need (it holds a symbol, so it never leaves them): the body's type symbol and where it is written.</summary>
/// <param name="Spec">The response.</param>
/// <param name="Type">The body's type symbol (schemas), or null.</param>
/// <param name="Location">The <c>[HttpResponse]</c> attribute, with locations.</param>
internal readonly record struct HttpDeclaredResponse(HttpResponseSpec Spec, ITypeSymbol? Type, LocationInfo? Location);

/// <summary>
/// Reads a method's <c>[HttpResponse]</c> attributes in declaration order (SLS3018, SLS3019). Both the HTTP reader (the
/// spec and diagnostics) and the OpenAPI reader (the schemas of the types) call it: one place parses the attribute.
/// A status outside 100-599 is left out, a body on a status without content is dropped, and a response declared again
/// (same status and media type) keeps its first declaration.
/// </summary>
public static class HttpResponseReader
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    /// <param name="bag">Where SLS3018/SLS3019 go (null: none, the generator's parser).</param>
    /// <param name="handler">The method's display name for messages.</param>
    internal static List<HttpDeclaredResponse> Read(IMethodSymbol method, DiagnosticBag? bag, string handler, CancellationToken cancellationToken)
    {
        var found = new List<HttpDeclaredResponse>();
        foreach (var attribute in method.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!attribute.IsAttribute(HttpKnownNames.HttpResponseAttribute)
                || attribute.ConstructorArgument(0)?.Value is not int status)
            {
                continue;   // not ours, or an argument the compiler reports
            }

            var type = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArgument(1)?.Value as ITypeSymbol : null;
            if (attribute.ConstructorArguments.Length > 1 && (type is null || type.ContainsErrors()))
            {
                continue;   // typeof(Unknown) or null: the compiler reports the first, the second declares nothing
            }

            var declaredContentType = attribute.NamedString("ContentType") is { } text && text.Trim().Length > 0 ? text.Trim() : null;
            var location = bag is null ? null : LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);
            if (status is < 100 or > 599)
            {
                bag?.Add(DiagnosticDescriptors.InvalidHttpResponse, location, handler,
                    "has the status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", which is not an HTTP status code; use one from 100 to 599");
                continue;
            }

            var contentType = declaredContentType ?? (type is null ? null : type.Is(HttpKnownNames.HttpProblemDetails) ? ProblemJson : Json);
            if (contentType is not null && !HasContent(status))
            {
                bag?.Add(ModelDiagnostic.Create(DiagnosticDescriptors.InvalidHttpResponse, location, handler,
                    "gives status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " a body ("
                    + (type is null ? contentType : "'" + type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "'")
                    + "), but a " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " response has no content; remove the type and ContentType")
                    with { Properties = EquatableArray.Create(new KeyValue(HttpPropertyNames.ResponseBodyWithoutContent, "true")) });
                type = null;
                contentType = null;
            }

            var spec = new HttpResponseSpec(status, type is null ? null : TypeRef.From(type), contentType, attribute.NamedString("Description"));
            if (found.Exists(f => f.Spec.StatusCode == status && string.Equals(f.Spec.ContentType, contentType, StringComparison.OrdinalIgnoreCase)))
            {
                bag?.Add(DiagnosticDescriptors.DuplicateHttpResponse, location, status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    contentType ?? "without a body", handler);
                continue;
            }

            found.Add(new HttpDeclaredResponse(spec, type, location));
        }

        return found;
    }

    /// <summary>1xx, 204 and 304 responses have no content (RFC 9110).</summary>
    public static bool HasContent(int status) => status >= 200 && status != 204 && status != 304;

    /// <summary>Whether a media type is JSON (see <see cref="MediaTypes.IsJson"/>).</summary>
    public static bool IsJson(string? contentType) => MediaTypes.IsJson(contentType);
}
