using System;

namespace Serverless;

/// <summary>
/// Declares a Lambda authorizer: API Gateway calls a function with the request's <see cref="Header"/> and lets the
/// request through on its answer. Give either <see cref="FunctionArn"/> (a function elsewhere) or
/// <see cref="Function"/> (the name of a <see cref="LambdaFunctionAttribute"/> function of this app). On an HTTP API
/// the authorizer gets payload format 2.0 and, with <see cref="SimpleResponses"/>, answers
/// <c>{"isAuthorized": true}</c>; on a REST API it is a <c>TOKEN</c> authorizer answering with an IAM policy.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class LambdaAuthorizerAttribute : Attribute
{
    /// <param name="name">The authorizer's name, used by <see cref="AuthorizeAttribute"/>.</param>
    public LambdaAuthorizerAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The authorizer's name.</summary>
    public string Name { get; }

    /// <summary>The authorizer function's ARN, for a function that is not part of this app.</summary>
    public string? FunctionArn { get; set; }

    /// <summary>The name of a <see cref="LambdaFunctionAttribute"/> function of this app that authorizes.</summary>
    public string? Function { get; set; }

    /// <summary>The header API Gateway passes to the authorizer (and caches the answer by); <c>Authorization</c> by default.</summary>
    public string Header { get; set; } = "Authorization";

    /// <summary>How long API Gateway caches the answer per header value, 0 to 3600 seconds (0: no caching); API Gateway's default (300) when not set.</summary>
    public int ResultTtlInSeconds { get; set; }

    /// <summary>HTTP APIs: the authorizer answers <c>{"isAuthorized": bool, "context": {...}}</c> instead of an IAM policy. True by default.</summary>
    public bool SimpleResponses { get; set; } = true;
}
