using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<HandlerCodeAnalyzer, HoistToStaticFieldCodeFixProvider>;

/// <summary>The SLS2001-SLS2003 fix: hoist the creation into a static field; Fix All in document, project and solution.</summary>
public class HoistToStaticFieldCodeFixTests
{
    private static FixTest Test(string[] before, string[] after) =>
        new FixTest().WithSources(before.Append(HandlerCodeStubs.Source).ToArray(), after.Append(HandlerCodeStubs.Source).ToArray());

    private static string Plain(string source) => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|(SLS\d{4}|#\d+):|\|\}", "");

    [Fact]
    public async Task HttpClientBecomesAStaticReadonlyFieldBeforeTheFirstMember()
    {
        var before = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Serverless;

            namespace App;

            public class Pages
            {
                /// <summary>Downloads a page.</summary>
                [LambdaFunction]
                public Task<string> Get(string url) => {|SLS2002:new HttpClient()|}.GetStringAsync(url);
            }
            """;
        var after = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Serverless;

            namespace App;

            public class Pages
            {
                private static readonly HttpClient _httpClient = new HttpClient();

                /// <summary>Downloads a page.</summary>
                [LambdaFunction]
                public Task<string> Get(string url) => _httpClient.GetStringAsync(url);
            }
            """;
        await Test(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task AwsClientGoesAfterTheLastFieldWithAUniqueName()
    {
        var before = """
            using Amazon.S3;
            using Serverless;

            namespace App;

            public class Files
            {
                private const string Bucket = "files";
                private static readonly string _s3Client = "taken";

                [LambdaFunction]
                public void Get()
                {
                    var client = {|SLS2003:new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://" + Bucket })|};
                    client.GetObjectAsync(Bucket, "key");
                }
            }
            """;
        var after = """
            using Amazon.S3;
            using Serverless;

            namespace App;

            public class Files
            {
                private const string Bucket = "files";
                private static readonly string _s3Client = "taken";
                private static readonly AmazonS3Client _s3Client2 = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://" + Bucket });

                [LambdaFunction]
                public void Get()
                {
                    var client = _s3Client2;
                    client.GetObjectAsync(Bucket, "key");
                }
            }
            """;
        await Test(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task DataSourceBecomesALazyFieldReadingTheConnectionStringFromTheEnvironment()
    {
        var before = """
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                [LambdaFunction]
                public void Get()
                {
                    var source = {|SLS2001:new NpgsqlDataSourceBuilder("Host=db;Database=orders").Build()|};
                    using var connection = source.OpenConnection();
                }
            }
            """;
        var after = """
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                private static readonly System.Lazy<NpgsqlDataSource> _npgsqlDataSource = new System.Lazy<NpgsqlDataSource>(() => new NpgsqlDataSourceBuilder(System.Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Host=db;Database=orders").Build(), System.Threading.LazyThreadSafetyMode.PublicationOnly);

                [LambdaFunction]
                public void Get()
                {
                    var source = _npgsqlDataSource.Value;
                    using var connection = source.OpenConnection();
                }
            }
            """;
        await Test(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task RedisConnectAsyncBecomesALazyTask()
    {
        var before = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public class Cache
            {
                [LambdaFunction]
                public async Task Get()
                {
                    var redis = await {|SLS2001:ConnectionMultiplexer.ConnectAsync("localhost:6379")|};
                    redis.GetDatabase();
                }
            }
            """;
        var after = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public class Cache
            {
                private static readonly Lazy<Task<ConnectionMultiplexer>> _connectionMultiplexer = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("REDIS_CONNECTION_STRING") ?? "localhost:6379"), LazyThreadSafetyMode.PublicationOnly);

                [LambdaFunction]
                public async Task Get()
                {
                    var redis = await _connectionMultiplexer.Value;
                    redis.GetDatabase();
                }
            }
            """;
        await Test(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task NoFixWhenTheCreationUsesLocalsOrIsDisposedOpenedOrReconfiguredInPlace()
    {
        var source = """
            using System;
            using System.Net.Http;
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                private readonly string _host = "db";

                [LambdaFunction]
                public void Get(string url)
                {
                    var a = {|SLS2002:new HttpClient { BaseAddress = new Uri(url) }|};
                    using var b = {|SLS2002:new HttpClient()|};
                    using (var c = {|SLS2001:new NpgsqlConnection("Host=db")|}) { }
                    var d = {|SLS2001:new NpgsqlConnection("Host=db")|};
                    d.Open();
                    var e = {|SLS2002:new HttpClient()|};
                    e.DefaultRequestHeaders.Add("X-Id", url);
                    var f = {|SLS2002:new HttpClient()|};
                    f.Timeout = TimeSpan.FromSeconds(1);
                    var g = {|SLS2001:new NpgsqlConnection("Host=" + _host)|};
                    var h = {|SLS2002:new HttpClient()|};
                    h.Dispose();
                }

                [LambdaFunction]
                public void Generic<T>() { var list = {|SLS2002:new Typed<T>()|}; }

                private sealed class Typed<T> : HttpClient { }
            }
            """;
        await Test(new[] { source }, new[] { source }).RunAsync();
    }

    [Fact]
    public async Task FixAllSharesOneFieldPerIdenticalCreationAcrossPartialFiles()
    {
        var first = """
            using System.Net.Http;
            using Amazon.S3;
            using Serverless;

            namespace App;

            public partial class Orders
            {
                [LambdaFunction]
                public void Get()
                {
                    var a = {|SLS2002:new HttpClient()|};
                    var b = {|SLS2002:new HttpClient()|};
                    var s3 = {|SLS2003:new AmazonS3Client()|};
                    Helper();
                }
            }
            """;
        var second = """
            using System.Net.Http;

            namespace App;

            public partial class Orders
            {
                private static readonly int Retries = 3;

                private void Helper()
                {
                    var c = {|SLS2002:new HttpClient()|};
                    var d = {|SLS2002:new HttpClient(new SocketsHttpHandler())|};
                }
            }

            public class Other
            {
                [Serverless.LambdaFunction]
                public void Run() { var e = {|SLS2002:new HttpClient()|}; }
            }
            """;
        var firstAfter = """
            using System.Net.Http;
            using Amazon.S3;
            using Serverless;

            namespace App;

            public partial class Orders
            {
                private static readonly HttpClient _httpClient = new HttpClient();

                [LambdaFunction]
                public void Get()
                {
                    var a = _httpClient;
                    var b = _httpClient;
                    var s3 = {|SLS2003:new AmazonS3Client()|};
                    Helper();
                }
            }
            """;
        var secondAfter = """
            using System.Net.Http;

            namespace App;

            public partial class Orders
            {
                private static readonly int Retries = 3;
                private static readonly HttpClient _httpClient2 = new HttpClient(new SocketsHttpHandler());

                private void Helper()
                {
                    var c = _httpClient;
                    var d = _httpClient2;
                }
            }

            public class Other
            {
                private static readonly HttpClient _httpClient = new HttpClient();

                [Serverless.LambdaFunction]
                public void Run() { var e = _httpClient; }
            }
            """;
        var test = Test(new[] { first, second }, new[] { firstAfter, secondAfter }).WithCodeAction("SLS2002.HoistToStaticField");
        test.FixedState.MarkupHandling = MarkupMode.Allow;   // SLS2003 is another rule's Fix All: it stays
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllOfDatabaseConnectionsKeepsCrLfLineEndings()
    {
        var before = """
            using MongoDB.Driver;
            using Npgsql;
            using Serverless;

            namespace App
            {
                public class Orders
                {
                    [LambdaFunction]
                    public void Get()
                    {
                        var mongo = {|SLS2001:new MongoClient("mongodb://localhost")|};
                        var pg = {|SLS2001:NpgsqlDataSource.Create(@"Host=db")|};
                        var again = {|SLS2001:NpgsqlDataSource.Create(@"Host=db")|};
                    }
                }
            }
            """.ReplaceLineEndings("\r\n");
        var after = """
            using MongoDB.Driver;
            using Npgsql;
            using Serverless;

            namespace App
            {
                public class Orders
                {
                    private static readonly System.Lazy<MongoClient> _mongoClient = new System.Lazy<MongoClient>(() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_CONNECTION_STRING") ?? "mongodb://localhost"), System.Threading.LazyThreadSafetyMode.PublicationOnly);
                    private static readonly System.Lazy<NpgsqlDataSource> _npgsqlDataSource = new System.Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(System.Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? @"Host=db"), System.Threading.LazyThreadSafetyMode.PublicationOnly);

                    [LambdaFunction]
                    public void Get()
                    {
                        var mongo = _mongoClient.Value;
                        var pg = _npgsqlDataSource.Value;
                        var again = _npgsqlDataSource.Value;
                    }
                }
            }
            """.ReplaceLineEndings("\r\n");
        await Test(new[] { before }, new[] { after }).RunAsync();
    }
}
