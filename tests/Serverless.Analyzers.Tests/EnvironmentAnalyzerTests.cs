using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Model;
using Serverless.Analyzers.Tests.Infrastructure;
using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.EnvironmentAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class EnvironmentAnalyzerTests
{
    private static readonly string Kb3 = new('a', 3000);
    private static readonly string Kb1 = new('b', 1000);

    [Fact]
    public Task OrdinaryVariablesAndReferencesAreFine() => Verify.VerifyAsync("""
        using Serverless;

        [assembly: ServerlessApp("orders")]
        [assembly: Environment("STAGE", "prod")]

        [Environment("DB_PASSWORD", FromSecret = "orders/db_password")]
        public class Orders
        {
            [LambdaFunction]
            [Environment("API_KEY", FromParameter = "/orders/api-key")]
            [Environment("SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x")]
            [Environment("TOKEN_TTL", "300")]
            [Environment("PASSWORD_MIN_LENGTH", "12")]
            [Environment("REQUIRE_TOKEN", "true")]
            [Environment("TOKENIZER", "whitespace")]
            [Environment("ConnectionStrings__Db", "Host=db;Username=app;Password=;")]
            [Environment("KEY_PREFIX", "AKIA")]
            [Environment("MONKEY", "banana")]
            public void Create() { }
        }
        """);

    [Fact]
    public Task SLS1121_SecretLookingLiteralsAtTheValueArgument() => Verify.VerifyAsync(
        """
        using Serverless;

        [assembly: ServerlessApp("orders")]

        public class Orders
        {
            [LambdaFunction]
            [Environment("DB_PASSWORD", {|#0:"hunter2!"|})]
            [Environment("apiKey", {|#1:"k-123456"|})]
            [Environment("GithubToken", {|#2:"ghp_abcdef"|})]
            [Environment("ConnectionStrings__Db", {|#3:"Host=db;Username=app;Pwd=s3cret"|})]
            [Environment("UPLOADER", {|#4:"AKIAIOSFODNN7EXAMPLE"|})]
            [Environment("BROKER_URL", {|#5:"amqp://app:s3cret@mq.internal:5672"|})]
            [Environment(value: {|#6:"p@ss"|}, key: "SMTP_PASSWD")]
            public void Create() { }
        }
        """,
        Secret(0, "DB_PASSWORD", "a password", "orders/db_password"),
        Secret(1, "apiKey", "an API key", "orders/apikey"),
        Secret(2, "GithubToken", "a token", "orders/githubtoken"),
        Secret(3, "ConnectionStrings__Db", "a connection string with a password", "orders/connectionstrings__db"),
        Secret(4, "UPLOADER", "an AWS access key ID", "orders/uploader"),
        Secret(5, "BROKER_URL", "a URL with a password", "orders/broker_url"),
        Secret(6, "SMTP_PASSWD", "a password", "orders/smtp_passwd"));

    [Fact]
    public Task SLS1121_OnAssemblyAndOnAPartialClassIsReportedOnceWhereWritten() => Verify.VerifyAsync(
        new[]
        {
            """
            using Serverless;

            [assembly: ServerlessApp("orders")]
            [assembly: Environment("STRIPE_SECRET", {|#0:"sk_live_123"|})]

            [Environment("private_key", {|#1:"-----BEGIN KEY-----"|})]
            public partial class Orders
            {
                [LambdaFunction] public void Create() { }
            }
            """,
            """
            using Serverless;

            [Environment("ACCESS_KEY", {|#2:"wJalrXUtnFEMI"|})]
            public partial class Orders
            {
                [LambdaFunction] public void Delete() { }
            }
            """,
        },
        Secret(0, "STRIPE_SECRET", "a secret", "orders/stripe_secret"),
        Secret(1, "private_key", "a private key", "orders/private_key"),
        Secret(2, "ACCESS_KEY", "an access key", "orders/access_key"));

    [Fact]
    public Task SLS1122_NotExactlyOneSource() => Verify.VerifyAsync(
        """
        using Serverless;

        [assembly: {|#0:Environment("A")|}]

        public class Orders
        {
            [LambdaFunction]
            [{|#1:Environment("B", "x", FromSecret = "s")|}]
            [{|#2:Environment("C", FromParameter = "/p", FromSecret = "s")|}]
            [{|#3:Environment("D", FromParameter = "")|}]
            [{|#4:Environment("E", FromParameter = null)|}]
            public void Create() { }
        }
        """,
        Verify.Diagnostic("SLS1122").WithLocation(0).WithArguments("A", "none"),
        Verify.Diagnostic("SLS1122").WithLocation(1).WithArguments("B", "a value and FromSecret"),
        Verify.Diagnostic("SLS1122").WithLocation(2).WithArguments("C", "FromParameter and FromSecret"),
        Verify.Diagnostic("SLS1122").WithLocation(3).WithArguments("D", "an empty FromParameter"),
        Verify.Diagnostic("SLS1122").WithLocation(4).WithArguments("E", "none"));

    [Fact]
    public Task SLS1120_SumsAssemblyClassAndMethodWithTheThreeLargest() => Verify.VerifyAsync(
        $$"""
        using Serverless;

        [assembly: ServerlessApp("orders")]
        [assembly: Environment("STAGE", "prod")]

        namespace App;

        [Environment("BIG", {|#1:"{{new string('a', 3100)}}"|})]
        public class Orders
        {
            [LambdaFunction]
            [Environment("MEDIUM", "{{Kb1}}")]
            [Environment("DB_PASSWORD", FromSecret = "orders/db_password")]
            public void {|#0:Create|}() { }

            [LambdaFunction]
            public void Small() { }
        }
        """,
        Verify.Diagnostic("SLS1120").WithLocation(0).WithArguments(
            "OrdersCreate", "4,147 bytes", "4,096 bytes",
            "'BIG' 3,103 bytes (class 'Orders'), 'MEDIUM' 1,006 bytes (method 'Create'), 'DB_PASSWORD' 29 bytes (method 'Create', secret id)").WithLocation(1));

    [Fact]
    public Task SLS1120_ClassFunctionSumsItsOuterClassesAndItsOwnEnvironment() => Verify.VerifyAsync(
        $$"""
        using Serverless;

        namespace App;

        [Environment("OUTER", {|#1:"{{new string('a', 3000)}}"|})]
        public static class Shop
        {
            [LambdaFunction]
            [Environment("OWN", "{{new string('b', 1100)}}")]
            public sealed class {|#0:Inventory|}
            {
                [HttpApi(HttpVerb.Get, "/items")] public string[] List() => [];
            }
        }
        """,
        Verify.Diagnostic("SLS1120").WithLocation(0).WithArguments(
            "ShopInventory", "4,108 bytes", "4,096 bytes", "'OUTER' 3,005 bytes (class 'Shop'), 'OWN' 1,103 bytes (class 'Inventory')").WithLocation(1));

    [Fact]
    public Task SLS1120_CountsUtf8BytesAndAllowsExactly4096() => Verify.VerifyAsync(
        $$"""
        using Serverless;

        public static class Api
        {
            // 1 + 4095 = 4096 bytes: at the limit.
            [LambdaFunction, Environment("A", "{{new string('x', 4095)}}")] public static void AtLimit() { }

            // 2,049 characters, but 1 + 2,048 * 2 = 4,097 bytes in UTF-8.
            [LambdaFunction, Environment("B", {|#1:"{{new string('é', 2048)}}"|})] public static void {|#0:Accents|}() { }
        }
        """,
        Verify.Diagnostic("SLS1120").WithLocation(0).WithArguments("ApiAccents", "4,097 bytes", "4,096 bytes", "'B' 4,097 bytes (method 'Accents')").WithLocation(1));

    [Fact]
    public Task SLS1120_NarrowerScopeReplacesTheWiderValueOfTheSameKey() => Verify.VerifyAsync(
        $$"""
        using Serverless;

        [assembly: Environment("CONFIG", {|#1:"{{Kb3}}"|})]

        public static class Api
        {
            [LambdaFunction, Environment("CONFIG", "small")] public static void Overridden() { }

            [LambdaFunction(Name = "Custom"), Environment("MORE", "{{Kb3}}")] public static void {|#0:Inherited|}() { }
        }
        """,
        Verify.Diagnostic("SLS1120").WithLocation(0).WithArguments("Custom", "6,010 bytes", "4,096 bytes", "'CONFIG' 3,006 bytes (assembly), 'MORE' 3,004 bytes (method 'Inherited')").WithLocation(1));

    [Fact]
    public Task SLS1120_CountsTheRdsProxyEndpointTheProductAdds() => Verify.VerifyAsync(
        $$"""
        using Serverless;

        [assembly: RdsProxy("orders-db")]

        public static class Api
        {
            // 3 + 4,020 bytes fit alone; the proxy endpoint's variable (79 bytes, at its longest) tips it over.
            [LambdaFunction, Environment("BIG", {|#1:"{{new string('a', 4020)}}"|})] public static void {|#0:Run|}() { }

            // Lambda@Edge gets no proxy variable.
            [LambdaFunction, LambdaEdge(EdgeEvent.OriginRequest), Environment("BIG", "{{new string('a', 4020)}}")] public static void Edge() { }
        }
        """,
        Verify.Diagnostic("SLS1120").WithLocation(0).WithArguments("ApiRun", "4,102 bytes", "4,096 bytes",
            "'BIG' 4,023 bytes (method 'Run'), 'RDS_PROXY_ENDPOINT' 79 bytes (added by Serverless.Analyzers)").WithLocation(1));

    [Fact]
    public Task SLS1120_ReferenceNamesCountAndNestedClassesApply() => Verify.VerifyAsync(
        $$"""
        using Serverless;

        [Environment("OUTER", FromParameter = "/{{new string('p', 2100)}}")]
        public class Outer
        {
            [Environment("INNER", FromSecret = "{{new string('s', 2100)}}")]
            public class Inner
            {
                [LambdaFunction] public void {|#0:Run|}() { }
            }
        }
        """,
        Verify.Diagnostic("SLS1120").WithLocation(0).WithArguments("OuterInnerRun", "4,211 bytes", "4,096 bytes",
            "'OUTER' 2,106 bytes (class 'Outer', parameter name), 'INNER' 2,105 bytes (class 'Inner', secret id)"));

    [Fact]
    public void SecretWordsSplitOnWordBoundaries()
    {
        Assert.Equal(new[] { "db", "password" }, EnvironmentModel.Words("dbPassword"));
        Assert.Equal(new[] { "api", "key" }, EnvironmentModel.Words("APIKey"));
        Assert.Equal(new[] { "my", "api", "key2" }, EnvironmentModel.Words("MY_API-KEY2"));
        Assert.Null(EnvironmentModel.DescribeSecret("PASSPORT_NUMBER", "X1234567"));
        Assert.Null(EnvironmentModel.DescribeSecret("KEYBOARD_LAYOUT", "qwerty-us"));
        Assert.Equal("a password", EnvironmentModel.DescribeSecret("pwd", "abcdef"));
    }

    private static DiagnosticResult Secret(int location, string key, string what, string id) =>
        Verify.Diagnostic("SLS1121").WithLocation(location).WithArguments(key, what, id);
}
