using System;

namespace Serverless;

/// <summary>
/// Requires callers of API Gateway routes to pass an authorizer: on the assembly for every route of the app (the
/// default), on a class for its functions' routes, on a method for that function's routes. The narrowest declaration
/// applies; <see cref="AllowAnonymousAttribute"/> at the same level wins. The name is one of the app's
/// <see cref="JwtAuthorizerAttribute"/>, <see cref="CognitoAuthorizerAttribute"/> or
/// <see cref="LambdaAuthorizerAttribute"/>, or <see cref="AuthorizerNames.Iam"/> for IAM (SigV4) authorization.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <param name="authorizer">The authorizer's name, or <see cref="AuthorizerNames.Iam"/>.</param>
    public AuthorizeAttribute(string authorizer)
    {
        Authorizer = authorizer;
    }

    /// <summary>The authorizer's name, or <see cref="AuthorizerNames.Iam"/>.</summary>
    public string Authorizer { get; }

    /// <summary>
    /// OAuth scopes the caller's token must carry, any one of them (JWT and Cognito authorizers only; API Gateway's
    /// <c>AuthorizationScopes</c>).
    /// </summary>
    public string[]? Scopes { get; set; }
}
