using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

using Verify = Verifier<HandlerCodeAnalyzer>;

/// <summary>SLS2001-SLS2004: what counts as invocation code, and what each rule matches (by symbol, never by name).</summary>
public class HandlerCodeAnalyzerTests
{
    private const string NoProxy = "reach the database through RDS Proxy: this function has no RDS Proxy configured; add [RdsProxy(\"name\")]";

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAsync(new[] { source, HandlerCodeStubs.Source }, expected);

    private static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) =>
        Verify.VerifyAsync(sources.Append(HandlerCodeStubs.Source).ToArray(), expected);

    // ---- SLS2001 ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task DbConnectionInHandlerSaysNoProxyIsConfigured()
    {
        await VerifyAsync(
            """
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                [LambdaFunction]
                public int Get(int id)
                {
                    var connection = {|#0:new NpgsqlConnection("Host=db")|};
                    return id;
                }
            }
            """,
            Verify.Diagnostic("SLS2001").WithLocation(0).WithArguments("NpgsqlConnection", "in handler 'Orders.Get'", NoProxy));
    }

    [Fact]
    public async Task ProxyOnTheAppOrTheFunctionNamesTheEndpointVariable()
    {
        await VerifyAsync(
            new[]
            {
                """
                using Npgsql;
                using Serverless;

                [assembly: RdsProxy("main")]

                namespace App;

                public class Orders
                {
                    [LambdaFunction]
                    public void Get() { var c = {|#0:new NpgsqlConnection("Host=db")|}; }

                    [LambdaFunction, RdsProxy("reports", EndpointVariable = "REPORTS_PROXY")]
                    public void Report() { var c = {|#1:new NpgsqlConnection("Host=db")|}; }
                }
                """,
            },
            Verify.Diagnostic("SLS2001").WithLocation(0).WithArguments("NpgsqlConnection", "in handler 'Orders.Get'", "use the proxy endpoint from RDS_PROXY_ENDPOINT"),
            Verify.Diagnostic("SLS2001").WithLocation(1).WithArguments("NpgsqlConnection", "in handler 'Orders.Report'", "use the proxy endpoint from REPORTS_PROXY"));
    }

    [Fact]
    public async Task TheProxyComesFromTheModelMethodOverNestedClassOverAssembly()
    {
        await VerifyAsync(
            """
            using Npgsql;
            using Serverless;

            namespace App;

            [RdsProxy("outer", EndpointVariable = "OUTER_DB")]
            public class Outer
            {
                public class Orders
                {
                    [LambdaFunction]
                    public void FromClass() { var c = {|#0:new NpgsqlConnection("Host=db")|}; }

                    // Half-typed: an empty name is no proxy; the class's applies.
                    [LambdaFunction, RdsProxy("")]
                    public void Empty() { var c = {|#1:new NpgsqlConnection("Host=db")|}; }
                }
            }

            public class Plain
            {
                // A signature the generator rejects (SLS1005) still has its settings read.
                [LambdaFunction, RdsProxy("own")]
                public async void Broken() { var c = {|#2:new NpgsqlConnection("Host=db")|}; await System.Threading.Tasks.Task.Yield(); }
            }
            """,
            Verify.Diagnostic("SLS2001").WithLocation(0).WithArguments("NpgsqlConnection", "in handler 'Orders.FromClass'", "use the proxy endpoint from OUTER_DB"),
            Verify.Diagnostic("SLS2001").WithLocation(1).WithArguments("NpgsqlConnection", "in handler 'Orders.Empty'", "use the proxy endpoint from OUTER_DB"),
            Verify.Diagnostic("SLS2001").WithLocation(2).WithArguments("NpgsqlConnection", "in handler 'Plain.Broken'", "use the proxy endpoint from RDS_PROXY_ENDPOINT"));
    }

    [Fact]
    public async Task CalleesAreFollowedTransitivelyAndReportedWhereTheConnectionIsCreated()
    {
        await VerifyAsync(
            """
            using System.Data.Common;
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                [LambdaFunction]
                public void Get() => Load(1);

                private void Load(int depth)
                {
                    if (depth < 3) { Load(depth + 1); Query(); }
                }

                private static void Query()
                {
                    DbConnection Open() => {|#0:new NpgsqlConnection("Host=db")|};
                    Open();
                    Query();   // a cycle
                }

                private void NeverCalled() { var c = new NpgsqlConnection("Host=db"); }
            }
            """,
            Verify.Diagnostic("SLS2001").WithLocation(0).WithArguments("NpgsqlConnection", "in 'Orders.Query', reached from handler 'Orders.Get'", NoProxy));
    }

    [Fact]
    public async Task ACalleeReachedByTwoHandlersIsReportedOnceAndPrefersTheFunctionWithoutProxy()
    {
        await VerifyAsync(
            """
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                [LambdaFunction, RdsProxy("main")]
                public void A() => Open();

                [LambdaFunction]
                public void B() => Open();

                private static NpgsqlConnection Open() => {|#0:new NpgsqlConnection("Host=db")|};
            }
            """,
            Verify.Diagnostic("SLS2001").WithLocation(0).WithArguments("NpgsqlConnection", "in 'Orders.Open', reached from handler 'Orders.B'", NoProxy));
    }

    [Fact]
    public async Task LambdasLocalFunctionsMethodGroupsAndPropertiesAreInvocationCode()
    {
        await VerifyAsync(
            """
            using System;
            using System.Linq;
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                private NpgsqlConnection Connection => {|SLS2001:new NpgsqlConnection("Host=property")|};

                [LambdaFunction]
                public int Get(int[] ids)
                {
                    Func<NpgsqlConnection> open = () => {|SLS2001:new NpgsqlConnection("Host=lambda")|};
                    NpgsqlConnection Local() => {|SLS2001:new NpgsqlConnection("Host=local")|};
                    var viaGroup = ids.Select(Create).ToList();
                    return Connection.State == 0 ? 1 : 0;
                }

                private NpgsqlConnection Create(int id) => {|SLS2001:new NpgsqlConnection("Host=group")|};
            }
            """);
    }

    [Fact]
    public async Task DataSourcesMongoAndRedisAreConnections()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using MongoDB.Driver;
            using Npgsql;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public class Orders
            {
                [LambdaFunction]
                public async Task Get()
                {
                    var a = {|#0:NpgsqlDataSource.Create("Host=db")|};
                    var b = {|#1:new NpgsqlDataSourceBuilder("Host=db").Build()|};
                    var c = {|#2:new MongoClient("mongodb://db")|};
                    var d = {|#3:ConnectionMultiplexer.Connect("redis")|};
                    var e = await {|#4:ConnectionMultiplexer.ConnectAsync("redis")|};
                }
            }
            """,
            Verify.Diagnostic("SLS2001").WithLocation(0).WithArguments("NpgsqlDataSource", "in handler 'Orders.Get'", NoProxy),
            Verify.Diagnostic("SLS2001").WithLocation(1).WithArguments("NpgsqlDataSource", "in handler 'Orders.Get'", NoProxy),
            Verify.Diagnostic("SLS2001").WithLocation(2).WithArguments("MongoClient", "in handler 'Orders.Get'", "share it: the client pools its connections itself"),
            Verify.Diagnostic("SLS2001").WithLocation(3).WithArguments("ConnectionMultiplexer", "in handler 'Orders.Get'", "share it: the client pools its connections itself"),
            Verify.Diagnostic("SLS2001").WithLocation(4).WithArguments("ConnectionMultiplexer", "in handler 'Orders.Get'", "share it: the client pools its connections itself"));
    }

    [Fact]
    public async Task LookingUpOrReusingASharedDataSourceIsNotFlagged()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            namespace App;

            public static class Db
            {
                private static readonly NpgsqlDataSource Shared = NpgsqlDataSource.Create("Host=db");
                public static NpgsqlDataSource Source() => Shared;
            }

            public class Orders
            {
                private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create("Host=db");

                [LambdaFunction]
                public void Get([FromServices] IServiceProvider services)
                {
                    var a = services.GetRequiredService<NpgsqlDataSource>();
                    var b = Db.Source();
                    var c = DataSource.CreateConnection();
                    var d = Current();
                }

                private static NpgsqlDataSource Current() => DataSource;
            }
            """);
    }

    [Fact]
    public async Task UserTypesThatShareANameAreNotFlaggedButSubclassesAre()
    {
        await VerifyAsync(
            """
            using Serverless;

            namespace App
            {
                public class SqlConnection { public SqlConnection(string s) { } }
                public class NpgsqlConnection { }
                public class HttpClient { }
                public class AmazonS3Client { }
                public class MongoClient { }

                public class AuditedConnection : Npgsql.NpgsqlConnection { public AuditedConnection(string s) : base(s) { } }
                public class RetryingHttpClient : System.Net.Http.HttpClient { }
                public class TracedS3Client : Amazon.S3.AmazonS3Client { }

                public class Orders
                {
                    [LambdaFunction]
                    public void Get()
                    {
                        var a = new SqlConnection("Server=db");
                        var b = new NpgsqlConnection();
                        var c = new HttpClient();
                        var d = new AmazonS3Client();
                        var e = new MongoClient();
                        var f = {|SLS2001:new AuditedConnection("Host=db")|};
                        var g = {|SLS2002:new RetryingHttpClient()|};
                        var h = {|SLS2003:new TracedS3Client()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CodeThatRunsOncePerEnvironmentIsNotInvocationCode()
    {
        await VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(new HttpClient());
                    services.AddSingleton(_ => NpgsqlDataSource.Create("Host=db"));
                }
            }

            public class Orders
            {
                private static readonly HttpClient Http = new HttpClient();
                private static readonly Lazy<NpgsqlConnection> Connection = new(() => new NpgsqlConnection("Host=db"));
                private static readonly Amazon.S3.AmazonS3Client S3;
                private readonly HttpClient _instanceClient = new HttpClient();
                private readonly Func<HttpClient> _factory = () => new HttpClient();

                static Orders() { S3 = new Amazon.S3.AmazonS3Client(); }

                public Orders() { var warm = new HttpClient(); }

                [LambdaFunction]
                public void Get() { var response = Http.GetAsync("https://example.com"); }

                public void NotAHandler() { var c = new HttpClient(); }
            }

            public class Helpers
            {
                public static HttpClient Create() => new HttpClient();
            }
            """);
    }

    [Fact]
    public async Task CachingInAFieldIsNotFlagged()
    {
        await VerifyAsync(
            """
            using System;
            using System.Collections.Concurrent;
            using System.Net.Http;
            using System.Threading;
            using Amazon.S3;
            using Serverless;

            namespace App;

            public class Holder { public HttpClient? Client { get; set; } }

            public class Orders
            {
                private static HttpClient? _a;
                private static HttpClient? _b;
                private static HttpClient? _c;
                private static Lazy<HttpClient>? _d;
                private static readonly ConcurrentDictionary<string, AmazonS3Client> Clients = new();
                private HttpClient? _perEnvironment;

                [LambdaFunction]
                public void Get(string region, Holder holder)
                {
                    holder.Client ??= {|SLS2002:new HttpClient()|};   // the event's object lives for one invocation
                    _a ??= new HttpClient();
                    if (_b is null) { _b = new HttpClient(); }
                    LazyInitializer.EnsureInitialized(ref _c, () => new HttpClient());
                    _d ??= new Lazy<HttpClient>(() => new HttpClient());
                    var s3 = Clients.GetOrAdd(region, _ => new AmazonS3Client());
                    _perEnvironment ??= new HttpClient();
                    _a = {|SLS2002:new HttpClient()|};   // unconditional: every invocation
                }
            }
            """);
    }

    [Fact]
    public async Task GenericAndNestedHandlerClasses()
    {
        await VerifyAsync(
            """
            using System.Net.Http;
            using Serverless;

            namespace App;

            public class Outer
            {
                public class Handlers
                {
                    [LambdaFunction]
                    public void Get() => Fetch();

                    private void Fetch() { var c = {|#0:new HttpClient()|}; }
                }

                public void Fetch() { var c = new HttpClient(); }   // the outer type's member is not reached
            }

            public class Repository<T>
            {
                [LambdaFunction]
                public static void Handle() => new Repository<int>().Load();

                private void Load() { var c = {|#1:new HttpClient()|}; }
            }
            """,
            Verify.Diagnostic("SLS2002").WithLocation(0).WithArguments("HttpClient", "in 'Handlers.Fetch', reached from handler 'Handlers.Get'"),
            Verify.Diagnostic("SLS2002").WithLocation(1).WithArguments("HttpClient", "in 'Repository<T>.Load', reached from handler 'Repository<T>.Handle'"));
    }

    [Fact]
    public async Task PartialClassesSplitAcrossFiles()
    {
        await VerifyAsync(
            new[]
            {
                """
                using System.Threading.Tasks;
                using Serverless;

                namespace App;

                public partial class Orders
                {
                    [LambdaFunction]
                    public Task<string> Get() => Download();

                    private partial void Log();
                }
                """,
                """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.S3;

                namespace App;

                public partial class Orders
                {
                    private Task<string> Download()
                    {
                        Log();
                        return {|#0:new HttpClient()|}.GetStringAsync("https://example.com");
                    }

                    private partial void Log() { var s3 = {|#1:new AmazonS3Client()|}; }
                }
                """,
            },
            Verify.Diagnostic("SLS2002").WithLocation(0).WithArguments("HttpClient", "in 'Orders.Download', reached from handler 'Orders.Get'"),
            Verify.Diagnostic("SLS2003").WithLocation(1).WithArguments("AmazonS3Client", "in 'Orders.Log', reached from handler 'Orders.Get'"));
    }

    [Fact]
    public async Task GeneratedCodeAndSuppressedPlacesAreNotReported()
    {
        await VerifyAsync(
            new[]
            {
                """
                using System.Net.Http;
                using Serverless;

                namespace App;

                public partial class Orders
                {
                    [LambdaFunction]
                    public void Get()
                    {
                        Generated();
                #pragma warning disable SLS2002
                        var suppressed = new HttpClient();
                #pragma warning restore SLS2002
                    }
                }
                """,
                """
                // <auto-generated/>
                namespace App;

                partial class Orders
                {
                    private void Generated() { var c = new System.Net.Http.HttpClient(); }
                }
                """,
            });
    }

    // ---- SLS2002 / SLS2003 ------------------------------------------------------------------------------------

    [Fact]
    public async Task HttpClientAndAwsClientsInAHandler()
    {
        await VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.S3;
            using Serverless;

            namespace App;

            public static class Files
            {
                [LambdaFunction]
                public static async Task<string> Get(string key)
                {
                    using var http = {|#0:new HttpClient()|};
                    HttpClient other = {|#1:new()|};
                    var s3 = {|#2:new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://localhost" })|};
                    var dynamo = {|#3:new AmazonDynamoDBClient()|};
                    return await s3.GetObjectAsync("bucket", key);
                }
            }
            """,
            Verify.Diagnostic("SLS2002").WithLocation(0).WithArguments("HttpClient", "in handler 'Files.Get'"),
            Verify.Diagnostic("SLS2002").WithLocation(1).WithArguments("HttpClient", "in handler 'Files.Get'"),
            Verify.Diagnostic("SLS2003").WithLocation(2).WithArguments("AmazonS3Client", "in handler 'Files.Get'"),
            Verify.Diagnostic("SLS2003").WithLocation(3).WithArguments("AmazonDynamoDBClient", "in handler 'Files.Get'"));
    }

    // ---- SLS2004 ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task BlockingOnTasksAndValueTasks()
    {
        await VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Serverless;

            namespace App;

            public class Orders
            {
                private static readonly HttpClient Http = new();

                [LambdaFunction]
                public string Get()
                {
                    var a = {|#0:Http.GetStringAsync("https://a").Result|};
                    {|#1:Http.GetStringAsync("https://b").Wait()|};
                    var c = {|#2:Http.GetStringAsync("https://c").GetAwaiter().GetResult()|};
                    var d = {|#3:Http.GetStringAsync("https://d").ConfigureAwait(false).GetAwaiter().GetResult()|};
                    var e = {|#4:Count().Result|};
                    return Helper();
                }

                private static ValueTask<int> Count() => new(1);

                private static string Helper() => {|#5:Task.Run(() => "x").GetAwaiter().GetResult()|};
            }
            """,
            Verify.Diagnostic("SLS2004").WithLocation(0).WithArguments(".Result", "in handler 'Orders.Get'"),
            Verify.Diagnostic("SLS2004").WithLocation(1).WithArguments(".Wait()", "in handler 'Orders.Get'"),
            Verify.Diagnostic("SLS2004").WithLocation(2).WithArguments(".GetAwaiter().GetResult()", "in handler 'Orders.Get'"),
            Verify.Diagnostic("SLS2004").WithLocation(3).WithArguments(".GetAwaiter().GetResult()", "in handler 'Orders.Get'"),
            Verify.Diagnostic("SLS2004").WithLocation(4).WithArguments(".Result", "in handler 'Orders.Get'"),
            Verify.Diagnostic("SLS2004").WithLocation(5).WithArguments(".GetAwaiter().GetResult()", "in 'Orders.Helper', reached from handler 'Orders.Get'"));
    }

    [Fact]
    public async Task AwaitingAndLookalikesAreNotBlocking()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Serverless;

            namespace App;

            public class Outcome<T> { public T Value { get; set; } = default!; public T Result { get; set; } = default!; public void Wait() { } public Outcome<T> GetAwaiter() => this; public T GetResult() => Value; }

            public class Orders
            {
                private static readonly int Warm = Task.Run(() => 1).Result;

                [LambdaFunction]
                public async Task<int> Get()
                {
                    var r = new Outcome<int>();
                    r.Wait();
                    var x = r.Result + r.GetAwaiter().GetResult();
                    return x + await Task.FromResult(1);
                }
            }
            """);
    }
}
