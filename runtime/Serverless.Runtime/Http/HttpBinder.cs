using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.Runtime.Http;

/// <summary>
/// Parses route, query and header values for generated wrappers, with the invariant culture and without
/// reflection (<see cref="IParsable{TSelf}"/> and <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> through
/// generic constraints). A failure is recorded in <see cref="BindingErrors"/> and the default value returned, so
/// binding continues and the 400 lists every mistake.
/// </summary>
/// <remarks>
/// Raw values come from <see cref="HttpRequestData"/>: <c>request.RouteValues["id"]</c>, <c>request.Query["page"]</c>,
/// <c>request.Headers["X-Key"]</c> (the first value, null when absent) and <c>GetValues(name)</c> for arrays.
/// An empty string counts as absent for every type but <see cref="string"/>.
/// Formats: numbers in the invariant culture (no thousands separators for floating point and decimal);
/// <see cref="bool"/> <c>true</c>/<c>false</c> in any case; <see cref="DateTime"/> and <see cref="DateTimeOffset"/>
/// ISO 8601 (<c>2024-05-01</c>, <c>2024-05-01T10:30:00Z</c>, with fractions and offsets; a DateTimeOffset without an
/// offset is UTC); <see cref="DateOnly"/> <c>yyyy-MM-dd</c>; <see cref="TimeOnly"/> <c>HH:mm[:ss[.fffffff]]</c>; enums
/// by name, ignoring case (numbers are refused); any other <see cref="IParsable{TSelf}"/> type through its own TryParse;
/// a type with only a static <c>TryParse</c> through the <see cref="HttpValueParser{T}"/> the wrapper passes.
/// </remarks>
public static class HttpBinder
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
        "yyyy'-'MM'-'dd'T'HH':'mmK",
        "yyyy'-'MM'-'dd",
    ];

    private static readonly string[] TimeFormats = ["HH':'mm':'ss.FFFFFFF", "HH':'mm"];

    /// <summary>A required value: absent (or empty) records "The {field} field is required.".</summary>
    public static T Parse<T>(string? value, string field, BindingErrors errors) where T : IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (IsAbsent<T>(value))
        {
            errors.Add(field, Required(field));
            return default!;
        }

        return TryParse<T>(value!, out var result) ? result : Invalid<T>(value!, field, errors);
    }

    /// <summary>An optional value: <paramref name="defaultValue"/> when absent.</summary>
    public static T? ParseOptional<T>(string? value, string field, BindingErrors errors, T? defaultValue = default)
        where T : IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (IsAbsent<T>(value))
        {
            return defaultValue;
        }

        return TryParse<T>(value!, out var result) ? result : Invalid<T>(value!, field, errors);
    }

    /// <summary>A nullable value type: <paramref name="defaultValue"/> (null unless given) when absent; null after an error.</summary>
    public static T? ParseNullable<T>(string? value, string field, BindingErrors errors, T? defaultValue = null)
        where T : struct, IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        if (TryParse<T>(value, out var result))
        {
            return result;
        }

        Invalid<T>(value, field, errors);
        return null;
    }

    /// <summary>A required value of a type with its own static <c>TryParse</c> (see <see cref="HttpValueParser{T}"/>).</summary>
    public static T Parse<T>(string? value, string field, BindingErrors errors, HttpValueParser<T> parser)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(parser);
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, Required(field));
            return default!;
        }

        return parser(value, out var result) ? result : Invalid<T>(value, field, errors);
    }

    /// <summary>An optional value of a type with its own static <c>TryParse</c>: <paramref name="defaultValue"/> when absent.</summary>
    public static T? ParseOptional<T>(string? value, string field, BindingErrors errors, HttpValueParser<T> parser, T? defaultValue = default)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(parser);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return parser(value, out var result) ? result : Invalid<T>(value, field, errors);
    }

    /// <summary>A nullable value type with its own static <c>TryParse</c>: <paramref name="defaultValue"/> when absent; null after an error.</summary>
    public static T? ParseNullable<T>(string? value, string field, BindingErrors errors, HttpValueParser<T> parser, T? defaultValue = null)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(parser);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        if (parser(value, out var result))
        {
            return result;
        }

        Invalid<T>(value, field, errors);
        return null;
    }

    /// <summary>A required enum value, by name ignoring case.</summary>
    public static T ParseEnum<T>(string? value, string field, BindingErrors errors) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, Required(field));
            return default;
        }

        return TryParseEnum<T>(value, out var result) ? result : Invalid<T>(value, field, errors);
    }

    /// <summary>An optional enum value: <paramref name="defaultValue"/> when absent.</summary>
    public static T ParseEnumOptional<T>(string? value, string field, BindingErrors errors, T defaultValue = default)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return TryParseEnum<T>(value, out var result) ? result : Invalid<T>(value, field, errors);
    }

    /// <summary>A nullable enum value: <paramref name="defaultValue"/> (null unless given) when absent.</summary>
    public static T? ParseEnumNullable<T>(string? value, string field, BindingErrors errors, T? defaultValue = null)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        if (TryParseEnum<T>(value, out var result))
        {
            return result;
        }

        Invalid<T>(value, field, errors);
        return null;
    }

    /// <summary>
    /// An array from repeated values (<c>?id=1&amp;id=2</c>) and comma-separated ones (<c>?id=1,2</c>), in order;
    /// elements are trimmed and empty ones skipped. Each bad element records an error. Empty when absent, unless
    /// <paramref name="required"/>.
    /// </summary>
    public static T[] ParseArray<T>(IReadOnlyList<string> values, string field, BindingErrors errors, bool required = false)
        where T : IParsable<T> =>
        [.. ParseList<T>(values, field, errors, required)];

    /// <summary>A list, as <see cref="ParseArray{T}(IReadOnlyList{string}, string, BindingErrors, bool)"/>.</summary>
    public static List<T> ParseList<T>(IReadOnlyList<string> values, string field, BindingErrors errors, bool required = false)
        where T : IParsable<T> =>
        ParseElements<T>(values, field, errors, required, TryParse);

    /// <summary>An enum array, as <see cref="ParseArray{T}(IReadOnlyList{string}, string, BindingErrors, bool)"/>.</summary>
    public static T[] ParseEnumArray<T>(IReadOnlyList<string> values, string field, BindingErrors errors, bool required = false)
        where T : struct, Enum =>
        [.. ParseEnumList<T>(values, field, errors, required)];

    /// <summary>An enum list, as <see cref="ParseArray{T}(IReadOnlyList{string}, string, BindingErrors, bool)"/>.</summary>
    public static List<T> ParseEnumList<T>(IReadOnlyList<string> values, string field, BindingErrors errors, bool required = false)
        where T : struct, Enum =>
        ParseElements<T>(values, field, errors, required, TryParseEnum);

    /// <summary>An array of a type with its own static <c>TryParse</c>, as <see cref="ParseArray{T}(IReadOnlyList{string}, string, BindingErrors, bool)"/>.</summary>
    public static T[] ParseArray<T>(IReadOnlyList<string> values, string field, BindingErrors errors, HttpValueParser<T> parser, bool required = false) =>
        [.. ParseElements(values, field, errors, required, parser)];

    /// <summary>A list of a type with its own static <c>TryParse</c>, as <see cref="ParseArray{T}(IReadOnlyList{string}, string, BindingErrors, bool)"/>.</summary>
    public static List<T> ParseList<T>(IReadOnlyList<string> values, string field, BindingErrors errors, HttpValueParser<T> parser, bool required = false) =>
        ParseElements(values, field, errors, required, parser);

    /// <summary>Parses every element of repeated and comma-separated values, recording each bad one.</summary>
    private static List<T> ParseElements<T>(IReadOnlyList<string> values, string field, BindingErrors errors, bool required, HttpValueParser<T> parse)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(parse);
        var list = new List<T>(values.Count);
        foreach (var element in Elements(values))
        {
            if (parse(element, out var item))
            {
                list.Add(item);
            }
            else
            {
                Invalid<T>(element, field, errors);
            }
        }

        if (required && list.Count == 0 && errors[field].Count == 0)
        {
            errors.Add(field, Required(field));
        }

        return list;
    }

    /// <summary>
    /// The JSON body through source-generated metadata. An empty body (or a JSON <c>null</c>) records
    /// "A non-empty request body is required." under <paramref name="field"/> when <paramref name="required"/>;
    /// invalid JSON records the reader's message under the JSON path (<c>$.quantity</c>), and a value that does not
    /// fit its property records "The value is not valid for this field." there (no .NET type names reach the client).
    /// </summary>
    public static T? Body<T>(HttpRequestData request, JsonTypeInfo<T> typeInfo, BindingErrors errors,
        bool required = true, string field = "body")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(errors);
        if (IsBlank(request.Body.Span))
        {
            if (required)
            {
                errors.Add(field, "A non-empty request body is required.");
            }

            return default;
        }

        try
        {
            var value = JsonSerializer.Deserialize(request.Body.Span, typeInfo);
            if (value is null && required)
            {
                errors.Add(field, "A non-empty request body is required.");
            }

            return value;
        }
        catch (JsonException ex)
        {
            errors.Add(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, JsonMessage(ex));
            return default;
        }
    }

    /// <summary>
    /// The error key of a body property without <c>[JsonPropertyName]</c>: its JSON path under the options' naming
    /// policy (<c>Price</c> with camel case is <c>$.price</c>), as the body's own errors are keyed.
    /// </summary>
    public static string JsonPath(JsonSerializerOptions options, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(propertyName);
        return "$." + (options.PropertyNamingPolicy?.ConvertName(propertyName) ?? propertyName);
    }

    /// <summary>The invariant-culture parse of one value, with the ISO 8601 and number rules above.</summary>
    public static bool TryParse<T>(string value, out T result) where T : IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var invariant = CultureInfo.InvariantCulture;
        if (typeof(T) == typeof(DateTime))
        {
            var ok = DateTime.TryParseExact(value, DateTimeFormats, invariant, DateTimeStyles.RoundtripKind, out var v);
            result = Unsafe.As<DateTime, T>(ref v);
            return ok;
        }

        if (typeof(T) == typeof(DateTimeOffset))
        {
            var ok = DateTimeOffset.TryParseExact(value, DateTimeFormats, invariant, DateTimeStyles.AssumeUniversal, out var v);
            result = Unsafe.As<DateTimeOffset, T>(ref v);
            return ok;
        }

        if (typeof(T) == typeof(DateOnly))
        {
            var ok = DateOnly.TryParseExact(value, "yyyy'-'MM'-'dd", invariant, DateTimeStyles.None, out var v);
            result = Unsafe.As<DateOnly, T>(ref v);
            return ok;
        }

        if (typeof(T) == typeof(TimeOnly))
        {
            var ok = TimeOnly.TryParseExact(value, TimeFormats, invariant, DateTimeStyles.None, out var v);
            result = Unsafe.As<TimeOnly, T>(ref v);
            return ok;
        }

        if (typeof(T) == typeof(double))
        {
            var ok = double.TryParse(value, NumberStyles.Float, invariant, out var v);
            result = Unsafe.As<double, T>(ref v);
            return ok;
        }

        if (typeof(T) == typeof(float))
        {
            var ok = float.TryParse(value, NumberStyles.Float, invariant, out var v);
            result = Unsafe.As<float, T>(ref v);
            return ok;
        }

        if (typeof(T) == typeof(decimal))
        {
            var ok = decimal.TryParse(value, NumberStyles.Float, invariant, out var v);
            result = Unsafe.As<decimal, T>(ref v);
            return ok;
        }

        if (T.TryParse(value, invariant, out var parsed))
        {
            result = parsed;
            return true;
        }

        result = default!;
        return false;
    }

    /// <summary>An enum member by name, ignoring case; numbers, flag lists and undefined names are refused.</summary>
    public static bool TryParseEnum<T>(string value, out T result) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.AsSpan().Trim();
        if (text.IsEmpty || char.IsDigit(text[0]) || text[0] is '-' or '+' || text.Contains(','))
        {
            result = default;
            return false;
        }

        return Enum.TryParse(text, ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    private const string InvalidJsonValue = "The value is not valid for this field.";

    private static bool IsAbsent<T>(string? value) =>
        value is null || (value.Length == 0 && typeof(T) != typeof(string));

    private static T Invalid<T>(string value, string field, BindingErrors errors)
    {
        errors.Add(field, $"The value '{Shorten(value)}' is not valid for {field}.");
        return default!;
    }

    private static string Required(string field) => $"The {field} field is required.";

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";

    private static IEnumerable<string> Elements(IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            if (value.Contains(','))
            {
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return part;
                }
            }
            else
            {
                var trimmed = value.Trim();
                if (trimmed.Length > 0)
                {
                    yield return trimmed;
                }
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    // A syntax error of the reader (the serializer wraps it as the inner exception) keeps its text before " Path:"
    // ("'x' is an invalid start of a value."); anything else ("The JSON value could not be converted to
    // HelloLambda.NewProduct.", missing required properties, ...) names .NET types, so the client gets a neutral message.
    private static string JsonMessage(JsonException ex)
    {
        if (ex.InnerException is not JsonException reader)
        {
            return InvalidJsonValue;
        }

        var message = reader.Message;
        var cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        cut = text.IndexOf(" Path: ", StringComparison.Ordinal);
        text = cut > 0 ? text[..cut] : text;
        return text.ReplaceLineEndings(" ").TrimEnd();
    }
}
