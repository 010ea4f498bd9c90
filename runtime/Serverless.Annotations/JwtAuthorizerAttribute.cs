using System;

namespace Serverless;

/// <summary>
/// Declares a JWT authorizer of the app's HTTP API: API Gateway validates the token's signature (from the issuer's
/// JWKS), issuer, audience and expiry before the function runs. Routes use it through
/// <see cref="AuthorizeAttribute"/>. HTTP APIs only; REST APIs use <see cref="CognitoAuthorizerAttribute"/> or
/// <see cref="LambdaAuthorizerAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class JwtAuthorizerAttribute : Attribute
{
    /// <summary>The identity source API Gateway reads the token from unless <see cref="IdentitySource"/> says otherwise.</summary>
    public const string DefaultIdentitySource = "$request.header.Authorization";

    /// <param name="name">The authorizer's name, used by <see cref="AuthorizeAttribute"/>.</param>
    public JwtAuthorizerAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The authorizer's name.</summary>
    public string Name { get; }

    /// <summary>The token issuer (<c>iss</c>), an https URL (<c>https://login.example.com/</c>).</summary>
    public string? Issuer { get; set; }

    /// <summary>Accepted audiences (<c>aud</c>, or <c>client_id</c> of a Cognito access token); at least one.</summary>
    public string[]? Audience { get; set; }

    /// <summary>Where the token is read from; <c>$request.header.Authorization</c> by default.</summary>
    public string IdentitySource { get; set; } = DefaultIdentitySource;
}
