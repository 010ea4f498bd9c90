using System.Globalization;
using System.Text;

using Serverless.Analyzers.Model;

namespace Serverless.Generators.Emitter;

/// <summary>Escaping for C# string literals and JSON strings (no System.Text.Json here: netstandard2.0).</summary>
internal static class Literals
{
    /// <summary>A regular C# string literal, quotes included.</summary>
    public static string CSharpString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>A JSON string, quotes included.</summary>
    public static string JsonString(string value) => JsonText.Quote(value);
}
