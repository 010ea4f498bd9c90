using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace Serverless.Build.Tasks.Tests;

/// <summary>Reads a document with Microsoft.OpenApi (with its default validation rules), as OpenAPI tools do.</summary>
internal static class OpenApiReader
{
    /// <summary>The document; fails the test on any error or warning of the reader or the validator.</summary>
    public static OpenApiDocument ReadClean(string text)
    {
        var document = new OpenApiStringReader().Read(text, out var diagnostic);
        Assert.True(diagnostic.Errors.Count == 0, "OpenAPI errors:\n" + string.Join("\n", diagnostic.Errors.Select(e => e.Pointer + ": " + e.Message)));
        Assert.True(diagnostic.Warnings.Count == 0, "OpenAPI warnings:\n" + string.Join("\n", diagnostic.Warnings.Select(e => e.Pointer + ": " + e.Message)));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
        return document;
    }
}
