using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Build.Tasks.Template;

/// <summary>The template's text form: 2-space indent, keys in node order, readable (non-HTML) escaping, final newline.</summary>
internal static class TemplateJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static string Serialize(JsonNode root, string newLine)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            root.WriteTo(writer);
        }

        // JSON strings cannot hold a raw line break, so every line break here is the writer's own.
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (Environment.NewLine != newLine)
        {
            text = text.Replace(Environment.NewLine, newLine);
        }

        return text + newLine;
    }

    public static JsonNode? Parse(string text) => JsonNode.Parse(text, nodeOptions: null, ReadOptions);

    public static string DetectNewLine(string text, string fallback)
    {
        var lf = text.IndexOf('\n');
        return lf < 0 ? fallback : lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
    }
}
