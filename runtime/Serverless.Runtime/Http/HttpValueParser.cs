namespace Serverless.Runtime.Http;

/// <summary>
/// Parses one route, query or header value of a type that is not <see cref="IParsable{TSelf}"/> but has a static
/// <c>TryParse(string, out T)</c> or <c>TryParse(string, IFormatProvider, out T)</c>: generated wrappers pass a
/// static lambda calling it (with the invariant culture), so binding stays reflection-free.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
/// <param name="text">The raw value (never null or empty).</param>
/// <param name="value">The parsed value (any value when parsing fails).</param>
/// <returns>Whether <paramref name="text"/> is a valid <typeparamref name="T"/>.</returns>
public delegate bool HttpValueParser<T>(string text, out T value);
