using System.Text.Json;

namespace Serverless.Build.Tasks.OpenApi;

/// <summary>
/// Tells a document this build wrote from one written by hand: every operation of ours names the API serving it in
/// <c>x-serverless-api</c>. Only ours is removed when the app's last route goes; anything else at that path is kept.
/// </summary>
public static class GeneratedOpenApiDocument
{
    public static bool IsGenerated(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var operations = 0;
            foreach (var path in paths.EnumerateObject())
            {
                if (path.Value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var operation in path.Value.EnumerateObject())
                {
                    if (operation.Value.ValueKind != JsonValueKind.Object || !operation.Value.TryGetProperty(OpenApiDocumentWriter.ApiExtension, out _))
                    {
                        return false;
                    }

                    operations++;
                }
            }

            return operations > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
