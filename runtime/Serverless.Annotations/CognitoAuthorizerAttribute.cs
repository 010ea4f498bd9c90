using System;

namespace Serverless;

/// <summary>
/// Declares an Amazon Cognito user pool authorizer. On a REST API it is a Cognito authorizer (<c>UserPoolArn</c>); on an
/// HTTP API it becomes a JWT authorizer whose issuer is the pool's
/// (<c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool id&gt;</c>) and whose audience is
/// <see cref="Audience"/> (the pool's app client IDs). Routes use it through <see cref="AuthorizeAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CognitoAuthorizerAttribute : Attribute
{
    /// <param name="name">The authorizer's name, used by <see cref="AuthorizeAttribute"/>.</param>
    public CognitoAuthorizerAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The authorizer's name.</summary>
    public string Name { get; }

    /// <summary>The user pool's ARN (<c>arn:aws:cognito-idp:&lt;region&gt;:&lt;account&gt;:userpool/&lt;pool id&gt;</c>).</summary>
    public string? UserPoolArn { get; set; }

    /// <summary>The app client IDs whose tokens are accepted; required for HTTP API routes (their JWT audience).</summary>
    public string[]? Audience { get; set; }

    /// <summary>The header that carries the token; <c>Authorization</c> by default.</summary>
    public string Header { get; set; } = "Authorization";
}
