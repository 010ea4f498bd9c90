using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<HandlerCodeAnalyzer, InjectSingletonCodeFixProvider>;

/// <summary>The SLS2001 singleton fix: register in [LambdaStartup], inject into the handler class; Fix All.</summary>
public class InjectSingletonCodeFixTests
{
    private const string Startup = """
        using Microsoft.Extensions.DependencyInjection;
        using Serverless;

        namespace App;

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
            }
        }
        """;

    private static FixTest Test(string[] before, string[] after) =>
        new FixTest()
            .WithSources(before.Append(HandlerCodeStubs.Source).ToArray(), after.Append(HandlerCodeStubs.Source).ToArray())
            .WithCodeAction("SLS2001.InjectSingleton");

    [Fact]
    public async Task ConnectionComesFromAnInjectedDataSourceRegisteredInTheStartupOfAnotherDocument()
    {
        var before = """
            using System.Threading.Tasks;
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                [LambdaFunction]
                public async Task<int> Count()
                {
                    await using var connection = {|SLS2001:new NpgsqlConnection("Host=db;Database=orders")|};
                    await connection.OpenAsync();
                    return 1;
                }
            }
            """;
        var after = """
            using System.Threading.Tasks;
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                private readonly NpgsqlDataSource _npgsqlDataSource;

                public Orders(NpgsqlDataSource npgsqlDataSource)
                {
                    _npgsqlDataSource = npgsqlDataSource;
                }

                [LambdaFunction]
                public async Task<int> Count()
                {
                    await using var connection = _npgsqlDataSource.CreateConnection();
                    await connection.OpenAsync();
                    return 1;
                }
            }
            """;
        var startupAfter = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Host=db;Database=orders"));
                }
            }
            """;
        await Test(new[] { before, Startup }, new[] { after, startupAfter }).RunAsync();
    }

    [Fact]
    public async Task ClientJoinsThePrimaryConstructorAndItsUsingGoesWithAStartupInTheSameDocument()
    {
        var before = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using MongoDB.Driver;
            using Serverless;

            namespace App;

            public interface IClock { }

            public class Orders(IClock clock)
            {
                [LambdaFunction]
                public void Get()
                {
                    using var mongo = {|SLS2001:new MongoClient("mongodb://localhost")|};
                    Console.WriteLine(mongo.ToString() + clock);
                }
            }

            [LambdaStartup]
            public static class Startup
            {
                public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(_ => null!);
            }
            """;
        var after = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using MongoDB.Driver;
            using Serverless;

            namespace App;

            public interface IClock { }

            public class Orders(IClock clock, MongoClient mongoClient)
            {
                private readonly MongoClient _mongoClient = mongoClient;

                [LambdaFunction]
                public void Get()
                {
                    var mongo = _mongoClient;
                    Console.WriteLine(mongo.ToString() + clock);
                }
            }

            [LambdaStartup]
            public static class Startup
            {
                public static void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton<IClock>(_ => null!);
                    services.AddSingleton(_ => new MongoClient(Environment.GetEnvironmentVariable("MONGODB_CONNECTION_STRING") ?? "mongodb://localhost"));
                }
            }
            """;
        await Test(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task AwaitedRedisConnectBecomesTheFieldAndTheUsingStatementUnwraps()
    {
        var before = """
            using System.Threading.Tasks;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public interface IClock { }

            public class Cache
            {
                private readonly IClock _clock;

                public Cache(IClock clock) => _clock = clock;

                [LambdaFunction]
                public async Task Get()
                {
                    using (var redis = await {|SLS2001:ConnectionMultiplexer.ConnectAsync("localhost:6379")|}.ConfigureAwait(false))
                    {
                        redis.GetDatabase();
                        redis.GetDatabase();
                    }
                }
            }
            """;
        var after = """
            using System.Threading.Tasks;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public interface IClock { }

            public class Cache
            {
                private readonly IClock _clock;
                private readonly ConnectionMultiplexer _connectionMultiplexer;

                public Cache(IClock clock, ConnectionMultiplexer connectionMultiplexer)
                {
                    _clock = clock;
                    _connectionMultiplexer = connectionMultiplexer;
                }

                [LambdaFunction]
                public async Task Get()
                {
                    var redis = _connectionMultiplexer;
                    redis.GetDatabase();
                    redis.GetDatabase();
                }
            }
            """;
        var startupAfter = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => ConnectionMultiplexer.Connect(Environment.GetEnvironmentVariable("REDIS_CONNECTION_STRING") ?? "localhost:6379"));
                }
            }
            """;
        await Test(new[] { before, Startup }, new[] { after, startupAfter }).RunAsync();
    }

    [Fact]
    public async Task ConnectionWithoutItsOwnDataSourceTypeUsesTheProviderFactoryAndACast()
    {
        var before = """
            using Microsoft.Data.SqlClient;
            using Serverless;

            namespace App;

            public class Orders
            {
                public Orders() { }

                [LambdaFunction]
                public string Get()
                {
                    {|SLS2001:new SqlConnection("Server=db")|}.Open();
                    using var connection = {|SLS2001:new SqlConnection("Server=db")|};
                    return connection.Database;
                }
            }
            """;
        var after = """
            using System.Data.Common;
            using Microsoft.Data.SqlClient;
            using Serverless;

            namespace App;

            public class Orders
            {
                private readonly DbDataSource _dbDataSource;

                public Orders(DbDataSource dbDataSource)
                {
                    _dbDataSource = dbDataSource;
                }

                [LambdaFunction]
                public string Get()
                {
                    ((SqlConnection)_dbDataSource.CreateConnection()).Open();
                    using var connection = (SqlConnection)_dbDataSource.CreateConnection();
                    return connection.Database;
                }
            }
            """;
        var startupAfter = """
            using System;
            using Microsoft.Data.SqlClient;
            using Microsoft.Extensions.DependencyInjection;
            using Serverless;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => SqlClientFactory.Instance.CreateDataSource(Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Server=db"));
                }
            }
            """;
        await Test(new[] { before, Startup }, new[] { after, startupAfter }).RunAsync();
    }

    [Fact]
    public async Task FixAllMergesOneParameterAndOneRegistrationPerTypeAcrossPartialNestedAndGenericClasses()
    {
        var first = """
            using System.Threading.Tasks;
            using Npgsql;
            using Serverless;

            namespace App;

            public partial class Orders
            {
                [LambdaFunction]
                public async Task Get()
                {
                    await using var a = {|SLS2001:new NpgsqlConnection("Host=db")|};
                    await a.OpenAsync();
                    Helper();
                }
            }
            """;
        var second = """
            using Npgsql;

            namespace App;

            public partial class Orders
            {
                private readonly string _name;

                public Orders(string name) => _name = name;

                private void Helper()
                {
                    using var b = {|SLS2001:new NpgsqlConnection("Host=db")|};
                    using var c = {|SLS2001:new NpgsqlConnection("Host=other")|};
                }
            }

            public class Outer
            {
                public class Reports<T>
                {
                    [Serverless.LambdaFunction]
                    public void Run()
                    {
                        var source = {|SLS2001:NpgsqlDataSource.Create("Host=db")|};
                        var again = {|SLS2001:NpgsqlDataSource.Create("Host=db")|};
                    }
                }
            }
            """;
        var firstAfter = """
            using System.Threading.Tasks;
            using Npgsql;
            using Serverless;

            namespace App;

            public partial class Orders
            {
                [LambdaFunction]
                public async Task Get()
                {
                    await using var a = _npgsqlDataSource.CreateConnection();
                    await a.OpenAsync();
                    Helper();
                }
            }
            """;
        var secondAfter = """
            using Npgsql;

            namespace App;

            public partial class Orders
            {
                private readonly string _name;
                private readonly NpgsqlDataSource _npgsqlDataSource;

                public Orders(string name, NpgsqlDataSource npgsqlDataSource)
                {
                    _name = name;
                    _npgsqlDataSource = npgsqlDataSource;
                }

                private void Helper()
                {
                    using var b = _npgsqlDataSource.CreateConnection();
                    using var c = {|SLS2001:new NpgsqlConnection("Host=other")|};
                }
            }

            public class Outer
            {
                public class Reports<T>
                {
                    private readonly NpgsqlDataSource _npgsqlDataSource;

                    public Reports(NpgsqlDataSource npgsqlDataSource)
                    {
                        _npgsqlDataSource = npgsqlDataSource;
                    }

                    [Serverless.LambdaFunction]
                    public void Run()
                    {
                        var source = _npgsqlDataSource;
                        var again = _npgsqlDataSource;
                    }
                }
            }
            """;
        var startupAfter = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Host=db"));
                }
            }
            """;
        var test = Test(new[] { first, second, Startup }, new[] { firstAfter, secondAfter, startupAfter })
            .WithIterations(incremental: 4, fixAll: 1, fixAllInDocument: 2);
        test.FixedState.MarkupHandling = MarkupMode.Allow;   // another connection string: a second registration of the type would replace the first
        await test.RunAsync();
    }

    [Fact]
    public async Task NotOfferedWithoutAStartupInStaticCodeWithSeveralConstructorsOrWhenNotMovable()
    {
        var handlers = """
            using System;
            using Npgsql;
            using Serverless;

            namespace App;

            public class Orders
            {
                private readonly string _host = "db";

                [LambdaFunction]
                public static void Static() { var a = {|SLS2001:NpgsqlDataSource.Create("Host=db")|}; }

                [LambdaFunction]
                public void Get(string host)
                {
                    var b = {|SLS2001:new NpgsqlConnection("Host=" + host)|};
                    var c = {|SLS2001:new NpgsqlConnection()|};
                    var d = {|SLS2001:new NpgsqlConnection("Host=db")|};
                    d.ConnectionString = "Host=" + _host;
                    var e = {|SLS2001:NpgsqlDataSource.Create("Host=db")|};
                    e.Dispose();
                    Func<NpgsqlDataSource> f = static () => {|SLS2001:NpgsqlDataSource.Create("Host=db")|};
                }
            }

            public class Reports
            {
                public Reports() { }
                public Reports(int size) { }

                [LambdaFunction]
                public void Run() { var g = {|SLS2001:NpgsqlDataSource.Create("Host=db")|}; }
            }
            """;
        await Test(new[] { handlers, Startup }, new[] { handlers, Startup }).RunAsync();

        var withoutStartup = """
            using Npgsql;
            using Serverless;

            public class Orders
            {
                [LambdaFunction]
                public void Get() { var a = {|SLS2001:NpgsqlDataSource.Create("Host=db")|}; }
            }
            """;
        await Test(new[] { withoutStartup }, new[] { withoutStartup }).RunAsync();
    }

    [Fact]
    public async Task AnExistingRegistrationOfTheTypeIsInjectedAndNotRepeated()
    {
        var before = """
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => NpgsqlDataSource.Create(System.Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Host=db"));
                }
            }

            public class Orders
            {
                [LambdaFunction]
                public void Get()
                {
                    using var a = {|SLS2001:NpgsqlDataSource.Create("Host=db")|};
                }

                [LambdaFunction]
                public void Other()
                {
                    using var b = {|SLS2001:NpgsqlDataSource.Create("Host=elsewhere")|};
                }
            }
            """;
        var after = """
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => NpgsqlDataSource.Create(System.Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Host=db"));
                }
            }

            public class Orders
            {
                private readonly NpgsqlDataSource _npgsqlDataSource;

                public Orders(NpgsqlDataSource npgsqlDataSource)
                {
                    _npgsqlDataSource = npgsqlDataSource;
                }

                [LambdaFunction]
                public void Get()
                {
                    var a = _npgsqlDataSource;
                }

                [LambdaFunction]
                public void Other()
                {
                    using var b = {|SLS2001:NpgsqlDataSource.Create("Host=elsewhere")|};
                }
            }
            """;
        var test = Test(new[] { before }, new[] { after });
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task APrimaryConstructorParameterOfTheTypeIsUsedAndAUsingStatementWithoutVariableUnwraps()
    {
        var before = """
            using System;
            using MongoDB.Driver;
            using Serverless;

            namespace App;

            public partial class Orders(MongoClient mongo)
            {
                [LambdaFunction]
                public void Get()
                {
                    Console.WriteLine("start");
                    using ({|SLS2001:new MongoClient("mongodb://localhost")|})
                    {
                        Console.WriteLine(mongo);
                    }
                }
            }

            public record Positional(int Size)
            {
                [LambdaFunction]
                public void Run() { var client = {|SLS2001:new MongoClient("mongodb://localhost")|}; }
            }
            """;
        var after = """
            using System;
            using MongoDB.Driver;
            using Serverless;

            namespace App;

            public partial class Orders(MongoClient mongo)
            {
                [LambdaFunction]
                public void Get()
                {
                    Console.WriteLine("start");
                    Console.WriteLine(mongo);
                }
            }

            public record Positional(int Size)
            {
                [LambdaFunction]
                public void Run() { var client = {|SLS2001:new MongoClient("mongodb://localhost")|}; }
            }
            """;
        var startupAfter = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using MongoDB.Driver;
            using Serverless;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => new MongoClient(Environment.GetEnvironmentVariable("MONGODB_CONNECTION_STRING") ?? "mongodb://localhost"));
                }
            }
            """;
        var test = Test(new[] { before, Startup }, new[] { after, startupAfter });
        test.FixedState.MarkupHandling = MarkupMode.Allow;   // a positional record's parameters are properties: no DI fix
        await test.RunAsync();
    }

    [Fact]
    public async Task CrLfFilesKeepTheirLineEndings()
    {
        var before = """
            using Npgsql;
            using Serverless;

            namespace App
            {
                public class Orders
                {
                    [LambdaFunction]
                    public void Get()
                    {
                        using (var source = {|SLS2001:NpgsqlDataSource.Create("Host=db")|})
                        {
                            source.CreateConnection();
                        }
                    }
                }

                [LambdaStartup]
                public class Startup
                {
                    public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => System.Console.WriteLine();
                }
            }
            """.ReplaceLineEndings("\r\n");
        var after = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;
            using Serverless;

            namespace App
            {
                public class Orders
                {
                    private readonly NpgsqlDataSource _npgsqlDataSource;

                    public Orders(NpgsqlDataSource npgsqlDataSource)
                    {
                        _npgsqlDataSource = npgsqlDataSource;
                    }

                    [LambdaFunction]
                    public void Get()
                    {
                        var source = _npgsqlDataSource;
                        source.CreateConnection();
                    }
                }

                [LambdaStartup]
                public class Startup
                {
                    public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                    {
                        System.Console.WriteLine();
                        services.AddSingleton(_ => NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("DB_CONNECTION_STRING") ?? "Host=db"));
                    }
                }
            }
            """.ReplaceLineEndings("\r\n");
        await Test(new[] { before }, new[] { after }).RunAsync();
    }

    [Fact]
    public async Task FixAllUnwrapsNestedUsingStatements()
    {
        var before = """
            using MongoDB.Driver;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public class Orders
            {
                [LambdaFunction]
                public void Get()
                {
                    using (var mongo = {|SLS2001:new MongoClient("mongodb://localhost")|})
                    {
                        using (var redis = {|SLS2001:ConnectionMultiplexer.Connect("localhost")|})
                        {
                            redis.GetDatabase();
                        }
                    }
                }
            }
            """;
        var after = """
            using MongoDB.Driver;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            public class Orders
            {
                private readonly MongoClient _mongoClient;
                private readonly ConnectionMultiplexer _connectionMultiplexer;

                public Orders(MongoClient mongoClient, ConnectionMultiplexer connectionMultiplexer)
                {
                    _mongoClient = mongoClient;
                    _connectionMultiplexer = connectionMultiplexer;
                }

                [LambdaFunction]
                public void Get()
                {
                    var mongo = _mongoClient;
                    var redis = _connectionMultiplexer;
                    redis.GetDatabase();
                }
            }
            """;
        var startupAfter = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using MongoDB.Driver;
            using Serverless;
            using StackExchange.Redis;

            namespace App;

            [LambdaStartup]
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton(_ => new MongoClient(Environment.GetEnvironmentVariable("MONGODB_CONNECTION_STRING") ?? "mongodb://localhost"));
                    services.AddSingleton(_ => ConnectionMultiplexer.Connect(Environment.GetEnvironmentVariable("REDIS_CONNECTION_STRING") ?? "localhost"));
                }
            }
            """;
        await Test(new[] { before, Startup }, new[] { after, startupAfter }).RunAsync();
    }
}
