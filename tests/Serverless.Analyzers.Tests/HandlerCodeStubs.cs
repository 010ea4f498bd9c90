namespace Serverless.Analyzers.Tests;

/// <summary>
/// Minimal stand-ins for Npgsql, MongoDB.Driver, StackExchange.Redis and the AWS SDK, declared in the namespaces and
/// with the base types of the real packages: the handler-code rules match by metadata name and base type, so these
/// behave like the real assemblies. System.Data.Common and System.Net.Http come from the reference assemblies.
/// </summary>
internal static class HandlerCodeStubs
{
    public const string Path = "/0/Stubs.cs";

    public const string Source = """
        #nullable disable
        using System.Data;
        using System.Data.Common;
        using System.Threading.Tasks;

        namespace Npgsql
        {
            public class NpgsqlConnection : DbConnection
            {
                public NpgsqlConnection() { }
                public NpgsqlConnection(string connectionString) { }
                public override string ConnectionString { get; set; }
                public override string Database => "";
                public override string DataSource => "";
                public override string ServerVersion => "";
                public override ConnectionState State => ConnectionState.Closed;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => null;
                protected override DbCommand CreateDbCommand() => null;
            }

            public sealed class NpgsqlDataSource : DbDataSource
            {
                public static NpgsqlDataSource Create(string connectionString) => null;
                public new NpgsqlConnection CreateConnection() => null;
                public override string ConnectionString => "";
                protected override DbConnection CreateDbConnection() => null;
            }

            public sealed class NpgsqlDataSourceBuilder
            {
                public NpgsqlDataSourceBuilder(string connectionString) { }
                public NpgsqlDataSource Build() => null;
            }
        }

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection : DbConnection
            {
                public SqlConnection(string connectionString) { }
                public override string ConnectionString { get; set; }
                public override string Database => "";
                public override string DataSource => "";
                public override string ServerVersion => "";
                public override ConnectionState State => ConnectionState.Closed;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => null;
                protected override DbCommand CreateDbCommand() => null;
            }

            public sealed class SqlClientFactory : DbProviderFactory
            {
                public static readonly SqlClientFactory Instance = new SqlClientFactory();
            }
        }

        namespace MongoDB.Driver
        {
            public class MongoClient : System.IDisposable
            {
                public void Dispose() { }
                public MongoClient() { }
                public MongoClient(string connectionString) { }
            }
        }

        namespace StackExchange.Redis
        {
            public sealed class ConnectionMultiplexer : System.IDisposable
            {
                public void Dispose() { }
                public static ConnectionMultiplexer Connect(string configuration) => null;
                public static Task<ConnectionMultiplexer> ConnectAsync(string configuration) => null;
                public object GetDatabase() => null;
            }
        }

        namespace Amazon.Runtime
        {
            public abstract class AmazonServiceClient { }
        }

        namespace Amazon.S3
        {
            public class AmazonS3Config { public string ServiceURL { get; set; } }

            public class AmazonS3Client : Amazon.Runtime.AmazonServiceClient
            {
                public AmazonS3Client() { }
                public AmazonS3Client(AmazonS3Config config) { }
                public Task<string> GetObjectAsync(string bucket, string key) => null;
            }
        }

        namespace Amazon.DynamoDBv2
        {
            public class AmazonDynamoDBClient : Amazon.Runtime.AmazonServiceClient { }
        }
        """;
}
