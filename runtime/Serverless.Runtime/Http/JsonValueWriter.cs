using System.Globalization;
using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// Writes a value whose type is known only at run time: common primitives directly, anything else through the
/// metadata of the app's <see cref="JsonSerializerOptions"/> (<c>options.GetTypeInfo(type)</c>, which is
/// trimming and AOT safe when the options' resolver is a source-generated <c>JsonSerializerContext</c>).
/// </summary>
internal static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter writer, object? value, Type type, JsonSerializerOptions? options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case short or byte or sbyte or ushort:
                writer.WriteNumberValue(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                return;
            case uint u:
                writer.WriteNumberValue(u);
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case Guid g:
                writer.WriteStringValue(g);
                return;
            case DateTime dt:
                writer.WriteStringValue(dt);
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case HttpProblemDetails problem:
                problem.WriteTo(writer, options);
                return;
            case IEnumerable<string> strings when options is null || !CanResolve(options, type):
                writer.WriteStartArray();
                foreach (var item in strings)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                return;
        }

        if (options is null)
        {
            throw new InvalidOperationException(
                $"A {value.GetType().Name} cannot be written as JSON without the app's JsonSerializerOptions " +
                "(pass the JsonSerializerContext's Options to HttpFunction, or use the overloads that take a JsonTypeInfo<T>).");
        }

        var runtimeType = type == typeof(object) ? value.GetType() : type;
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(runtimeType));
    }

    private static bool CanResolve(JsonSerializerOptions options, Type type)
    {
        try
        {
            options.GetTypeInfo(type);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
