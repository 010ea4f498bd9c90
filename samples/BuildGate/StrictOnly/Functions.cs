using System.Text.Json.Serialization;

namespace StrictOnly;

public sealed record Page(string Url);

public sealed record PageSize(int Bytes);

[JsonSerializable(typeof(Page))]
[JsonSerializable(typeof(PageSize))]
public partial class AppJson : JsonSerializerContext;

public static class Functions
{
    // SLS2002 (warning): a new HttpClient per invocation exhausts sockets; strict makes it an error.
    [LambdaFunction]
    public static async Task<PageSize> Measure(Page page, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        var body = await client.GetByteArrayAsync(page.Url, cancellationToken);
        return new PageSize(body.Length);
    }
}
