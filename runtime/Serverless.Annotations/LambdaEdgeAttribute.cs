using System;

namespace Serverless;

/// <summary>The CloudFront events a Lambda@Edge function handles.</summary>
[Flags]
public enum EdgeEvent
{
    /// <summary>When CloudFront receives a request from a viewer (5 s, 128 MB at most).</summary>
    ViewerRequest = 1,

    /// <summary>Before CloudFront returns the response to the viewer (5 s, 128 MB at most).</summary>
    ViewerResponse = 2,

    /// <summary>Before CloudFront forwards a request to the origin (30 s at most).</summary>
    OriginRequest = 4,

    /// <summary>After CloudFront receives the response from the origin (30 s at most).</summary>
    OriginResponse = 8,
}

/// <summary>
/// Makes a <see cref="LambdaFunctionAttribute"/> method a Lambda@Edge function for the given CloudFront events.
/// Lambda@Edge functions have no environment variables, run on x86_64, and are limited to 5 s and 128 MB for
/// viewer events and 30 s for origin events. The template publishes a version (<c>AutoPublishAlias</c>) that a
/// CloudFront distribution can associate.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LambdaEdgeAttribute : Attribute
{
    /// <param name="events">The CloudFront events, combined with <c>|</c>.</param>
    public LambdaEdgeAttribute(EdgeEvent events) => Events = events;

    /// <summary>The CloudFront events the function handles.</summary>
    public EdgeEvent Events { get; }
}
