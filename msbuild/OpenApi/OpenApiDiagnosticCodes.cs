namespace Serverless.Build.Tasks.OpenApi;

/// <summary>Codes of the OpenAPI writer's messages (MSBuild codes, after the template's SLST001-SLST006).</summary>
public static class OpenApiDiagnosticCodes
{
    /// <summary>Two routes share a method and path; the first is documented.</summary>
    public const string RouteLeftOut = "SLST010";

    /// <summary>Reading or writing the document failed.</summary>
    public const string DocumentIo = "SLST011";
}
