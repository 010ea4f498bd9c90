using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Serverless.Runtime.Http;

/// <summary>
/// Reads an API Gateway proxy event, payload format 2.0 (HTTP APIs) or 1.0 (REST APIs, and HTTP APIs set to 1.0),
/// with one forward pass of a <see cref="Utf8JsonReader"/> into an <see cref="HttpRequestData"/>.
/// The format is told by the event itself: <c>"version": "2.0"</c> is 2.0, an <c>httpMethod</c> is 1.0.
/// Unknown properties are skipped; <c>null</c> maps and arrays (1.0 sends them) read as empty.
/// </summary>
internal static class HttpEventReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="LambdaSerializationException">The payload is not a proxy event.</exception>
    public static HttpRequestData Read(ReadOnlySpan<byte> payload)
    {
        try
        {
            var fields = new EventFields();
            var reader = new Utf8JsonReader(payload, ReaderOptions);
            ReadEvent(ref reader, fields);
            return fields.Build();
        }
        catch (JsonException ex)
        {
            throw new LambdaSerializationException("The payload is not an API Gateway proxy event: " + OneLine(ex.Message), ex);
        }
        catch (FormatException ex)
        {
            throw new LambdaSerializationException("The payload's body is not valid base64: " + OneLine(ex.Message), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new LambdaSerializationException("The payload is not an API Gateway proxy event: " + OneLine(ex.Message), ex);
        }
    }

    private static void ReadEvent(ref Utf8JsonReader reader, EventFields f)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The event is not a JSON object.");
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("version"u8)) f.Version = ReadString(ref reader);
            else if (reader.ValueTextEquals("routeKey"u8)) f.RouteKey = ReadString(ref reader);
            else if (reader.ValueTextEquals("rawPath"u8)) f.RawPath = ReadString(ref reader);
            else if (reader.ValueTextEquals("rawQueryString"u8)) f.RawQueryString = ReadString(ref reader);
            else if (reader.ValueTextEquals("cookies"u8)) f.Cookies = ReadStringArray(ref reader);
            else if (reader.ValueTextEquals("headers"u8)) f.Headers = ReadStringMap(ref reader);
            else if (reader.ValueTextEquals("multiValueHeaders"u8)) f.MultiValueHeaders = ReadMultiMap(ref reader);
            else if (reader.ValueTextEquals("queryStringParameters"u8)) f.QueryStringParameters = ReadStringMap(ref reader);
            else if (reader.ValueTextEquals("multiValueQueryStringParameters"u8)) f.MultiValueQueryStringParameters = ReadMultiMap(ref reader);
            else if (reader.ValueTextEquals("pathParameters"u8)) f.PathParameters = ReadStringMap(ref reader);
            else if (reader.ValueTextEquals("stageVariables"u8)) f.StageVariables = ReadStringMap(ref reader);
            else if (reader.ValueTextEquals("requestContext"u8)) ReadRequestContext(ref reader, f);
            else if (reader.ValueTextEquals("body"u8)) f.Body = ReadUtf8(ref reader);
            else if (reader.ValueTextEquals("isBase64Encoded"u8)) f.IsBase64Encoded = ReadBoolean(ref reader);
            else if (reader.ValueTextEquals("resource"u8)) f.Resource = ReadString(ref reader);
            else if (reader.ValueTextEquals("path"u8)) f.Path = ReadString(ref reader);
            else if (reader.ValueTextEquals("httpMethod"u8)) f.HttpMethod = ReadString(ref reader);
            else Skip(ref reader);
        }
    }

    private static void ReadRequestContext(ref Utf8JsonReader reader, EventFields f)
    {
        if (!StartObject(ref reader))
        {
            return;
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("requestId"u8)) f.RequestId = ReadString(ref reader);
            else if (reader.ValueTextEquals("stage"u8)) f.Stage = ReadString(ref reader);
            else if (reader.ValueTextEquals("domainName"u8)) f.DomainName = ReadString(ref reader);
            else if (reader.ValueTextEquals("httpMethod"u8)) f.ContextHttpMethod = ReadString(ref reader);
            else if (reader.ValueTextEquals("http"u8)) ReadHttp(ref reader, f);
            else if (reader.ValueTextEquals("identity"u8)) ReadIdentity(ref reader, f);
            else if (reader.ValueTextEquals("authorizer"u8)) ReadAuthorizer(ref reader, f);
            else Skip(ref reader);
        }
    }

    private static void ReadHttp(ref Utf8JsonReader reader, EventFields f)
    {
        if (!StartObject(ref reader))
        {
            return;
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("method"u8)) f.ContextHttpMethod = ReadString(ref reader);
            else if (reader.ValueTextEquals("path"u8)) f.ContextPath = ReadString(ref reader);
            else if (reader.ValueTextEquals("sourceIp"u8)) f.SourceIp = ReadString(ref reader);
            else if (reader.ValueTextEquals("userAgent"u8)) f.UserAgent = ReadString(ref reader);
            else Skip(ref reader);
        }
    }

    private static void ReadIdentity(ref Utf8JsonReader reader, EventFields f)
    {
        if (!StartObject(ref reader))
        {
            return;
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("sourceIp"u8)) f.SourceIp = ReadString(ref reader);
            else if (reader.ValueTextEquals("userAgent"u8)) f.UserAgent = ReadString(ref reader);
            else Skip(ref reader);
        }
    }

    // 2.0: { "jwt": { "claims": {..}, "scopes": [..] }, "lambda": {..}, "iam": {..} }
    // 1.0: { "claims": {..}, "scopes": [..], "principalId": "..", "integrationLatency": 0, <lambda authorizer context> }
    private static void ReadAuthorizer(ref Utf8JsonReader reader, EventFields f)
    {
        if (!StartObject(ref reader))
        {
            return;
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("jwt"u8))
            {
                if (!StartObject(ref reader))
                {
                    continue;
                }

                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("claims"u8)) f.Claims = ReadAnyMap(ref reader, null, f.Claims);
                    else if (reader.ValueTextEquals("scopes"u8)) f.Scopes = ReadStringArray(ref reader);
                    else Skip(ref reader);
                }
            }
            else if (reader.ValueTextEquals("claims"u8)) f.Claims = ReadAnyMap(ref reader, null, f.Claims);
            else if (reader.ValueTextEquals("scopes"u8)) f.Scopes = ReadStringArray(ref reader);
            else if (reader.ValueTextEquals("lambda"u8)) f.AuthorizerContext = ReadAnyMap(ref reader, null, f.AuthorizerContext);
            else if (reader.ValueTextEquals("iam"u8)) f.AuthorizerContext = ReadAnyMap(ref reader, "iam.", f.AuthorizerContext);
            else if (reader.ValueTextEquals("principalId"u8)) f.PrincipalId = ReadString(ref reader);
            else if (reader.ValueTextEquals("integrationLatency"u8)) Skip(ref reader);
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    (f.AuthorizerContext ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = ReadAnyValue(ref reader);
                }
            }
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The event ends early.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Unexpected {reader.TokenType} in the event."),
        };
    }

    /// <summary>Reads the value after a property name: true at the start of an object, false for null.</summary>
    private static bool StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw new JsonException($"Expected an object, found {reader.TokenType}."),
        };
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
        };
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            JsonTokenType.String => reader.ValueTextEquals("true"u8),
            _ => throw new JsonException($"Expected true or false, found {reader.TokenType}."),
        };
    }

    /// <summary>A string value as unescaped UTF-8 bytes (no intermediate string).</summary>
    private static byte[]? ReadUtf8(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected the body as a string, found {reader.TokenType}.");
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan.ToArray();
        }

        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    private static List<string>? ReadStringArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array, found {reader.TokenType}.");
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                list.Add(ReadAnyValue(ref reader));
            }
        }

        return list;
    }

    private static List<KeyValuePair<string, string>>? ReadStringMap(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var list = new List<KeyValuePair<string, string>>();
        while (NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null)
            {
                list.Add(new KeyValuePair<string, string>(name, ReadAnyValue(ref reader)));
            }
        }

        return list;
    }

    private static List<KeyValuePair<string, List<string>>>? ReadMultiMap(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader))
        {
            return null;
        }

        var list = new List<KeyValuePair<string, List<string>>>();
        while (NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            var values = ReadStringArray(ref reader);
            if (values is not null)
            {
                list.Add(new KeyValuePair<string, List<string>>(name, values));
            }
        }

        return list;
    }

    /// <summary>A map whose values may be any JSON: strings as they are, other values as their JSON text.</summary>
    private static Dictionary<string, string>? ReadAnyMap(ref Utf8JsonReader reader, string? prefix,
        Dictionary<string, string>? into)
    {
        if (!StartObject(ref reader))
        {
            return into;
        }

        into ??= new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null)
            {
                into[prefix is null ? name : prefix + name] = ReadAnyValue(ref reader);
            }
        }

        return into;
    }

    /// <summary>The current value: a string's text, or the JSON text of anything else.</summary>
    private static string ReadAnyValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    private static string OneLine(string message) =>
        message.Contains('\n') ? message.ReplaceLineEndings(" ") : message;

    /// <summary>What the pass collected; <see cref="Build"/> normalizes it.</summary>
    private sealed class EventFields
    {
        public string? Version, RouteKey, RawPath, RawQueryString, Resource, Path, HttpMethod;
        public string? RequestId, Stage, DomainName, ContextHttpMethod, ContextPath, SourceIp, UserAgent, PrincipalId;
        public List<string>? Cookies, Scopes;
        public List<KeyValuePair<string, string>>? Headers, QueryStringParameters, PathParameters, StageVariables;
        public List<KeyValuePair<string, List<string>>>? MultiValueHeaders, MultiValueQueryStringParameters;
        public Dictionary<string, string>? Claims, AuthorizerContext;
        public byte[]? Body;
        public bool IsBase64Encoded;

        public HttpRequestData Build()
        {
            var isVersion2 = Version == "2.0";
            if (!isVersion2 && HttpMethod is null)
            {
                throw new JsonException("It has neither \"version\": \"2.0\" nor an \"httpMethod\".");
            }

            var method = (isVersion2 ? ContextHttpMethod : HttpMethod) ?? ContextHttpMethod ?? HttpMethod
                ?? throw new JsonException("It has no HTTP method (requestContext.http.method).");
            var path = (isVersion2 ? RawPath ?? ContextPath : Path ?? ContextPath) ?? "/";

            var headers = HttpValueCollection.IgnoringCase();
            if (!isVersion2 && MultiValueHeaders is not null)
            {
                foreach (var (name, values) in MultiValueHeaders)
                {
                    foreach (var value in values)
                    {
                        headers.Add(name, value);
                    }
                }
            }
            else if (Headers is not null)
            {
                foreach (var (name, value) in Headers)
                {
                    headers.Add(name, value);
                }
            }

            var query = new HttpValueCollection();
            var rawQuery = RawQueryString ?? string.Empty;
            if (isVersion2 && rawQuery.Length > 0)
            {
                HttpQueryString.Parse(rawQuery, query);
            }
            else if (!isVersion2 && MultiValueQueryStringParameters is not null)
            {
                foreach (var (name, values) in MultiValueQueryStringParameters)
                {
                    foreach (var value in values)
                    {
                        query.Add(name, value);
                    }
                }
            }
            else if (QueryStringParameters is not null)
            {
                foreach (var (name, value) in QueryStringParameters)
                {
                    query.Add(name, value);
                }
            }

            if (!isVersion2 || rawQuery.Length == 0)
            {
                rawQuery = HttpQueryString.Format(query);
            }

            var cookies = new HttpValueCollection();
            if (isVersion2 && Cookies is not null)
            {
                foreach (var cookie in Cookies)
                {
                    HttpCookieParser.ParseCookieHeader(cookie, cookies);
                }
            }
            else
            {
                foreach (var header in headers.GetValues("cookie"))
                {
                    HttpCookieParser.ParseCookieHeader(header, cookies);
                }
            }

            var pathParameters = ToDictionary(PathParameters);
            var routeValues = new HttpValueCollection();
            foreach (var (name, value) in pathParameters)
            {
                routeValues.Add(name, value);
            }

            ReadOnlyMemory<byte> body = Body ?? [];
            if (IsBase64Encoded && Body is { Length: > 0 })
            {
                var status = Base64.DecodeFromUtf8InPlace(Body, out var written);
                if (status != System.Buffers.OperationStatus.Done)
                {
                    throw new FormatException($"Decoding stopped with {status}.");
                }

                body = Body.AsMemory(0, written);
            }

            return new HttpRequestData(method.ToUpperInvariant(), path)
            {
                PayloadFormat = isVersion2 ? HttpPayloadFormat.Version2 : HttpPayloadFormat.Version1,
                RawQueryString = rawQuery,
                Query = query,
                Headers = headers,
                Cookies = cookies,
                PathParameters = pathParameters,
                RouteValues = routeValues,
                StageVariables = ToDictionary(StageVariables),
                Body = body,
                IsBase64Encoded = IsBase64Encoded,
                RequestId = RequestId ?? string.Empty,
                RouteKey = (isVersion2 ? RouteKey : Resource) ?? string.Empty,
                Stage = Stage ?? string.Empty,
                DomainName = DomainName,
                SourceIp = SourceIp,
                UserAgent = UserAgent ?? headers["user-agent"],
                Claims = (IReadOnlyDictionary<string, string>?)Claims ?? new Dictionary<string, string>(),
                Scopes = (IReadOnlyList<string>?)Scopes ?? [],
                AuthorizerContext = (IReadOnlyDictionary<string, string>?)AuthorizerContext ?? new Dictionary<string, string>(),
                PrincipalId = PrincipalId,
            };
        }

        private static Dictionary<string, string> ToDictionary(List<KeyValuePair<string, string>>? pairs)
        {
            var dictionary = new Dictionary<string, string>(pairs?.Count ?? 0, StringComparer.Ordinal);
            if (pairs is not null)
            {
                foreach (var (name, value) in pairs)
                {
                    dictionary[name] = value;
                }
            }

            return dictionary;
        }
    }
}
