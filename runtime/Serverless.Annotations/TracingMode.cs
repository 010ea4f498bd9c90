namespace Serverless;

/// <summary>AWS X-Ray tracing mode.</summary>
public enum TracingMode
{
    /// <summary>Not set: Lambda's default (PassThrough).</summary>
    Default = 0,

    /// <summary>Trace only requests that arrive sampled.</summary>
    PassThrough = 1,

    /// <summary>Sample and trace requests.</summary>
    Active = 2,
}
