using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<EnvironmentAnalyzer, MoveEnvironmentValueCodeFixProvider>;

public class MoveEnvironmentValueCodeFixTests
{
    private static readonly string Kb3 = new('a', 3000);
    private static readonly string Kb2 = new('b', 2000);

    [Fact]
    public async Task SLS1121_LiteralBecomesASecretReference()
    {
        var before = """
            using Serverless;

            [assembly: ServerlessApp("orders")]

            public class Orders
            {
                [LambdaFunction]
                [Environment("DB_PASSWORD", {|SLS1121:"hunter2!"|}) /* keep */]
                [Environment(value: {|SLS1121:"p@ss"|}, key: "SMTP_PASSWD")]
                public void Create() { }
            }
            """;
        var after = """
            using Serverless;

            [assembly: ServerlessApp("orders")]

            public class Orders
            {
                [LambdaFunction]
                [Environment("DB_PASSWORD", FromSecret = "orders/db_password") /* keep */]
                [Environment(key: "SMTP_PASSWD", FromSecret = "orders/smtp_passwd")]
                public void Create() { }
            }
            """;
        await new FixTest().WithSources(before, after).RunAsync();
    }

    [Fact]
    public async Task SLS1121_FixAllAcrossDocumentsAndScopes()
    {
        var first = """
            using Serverless;

            [assembly: ServerlessApp("shop")]
            [assembly: Environment("STRIPE_SECRET", {|SLS1121:"sk_live_123"|})]

            public class Orders
            {
                [LambdaFunction, Environment("API_KEY", {|SLS1121:"k-123456"|})] public void Create() { }
            }
            """;
        var second = """
            using Serverless;

            [Environment("DB", {|SLS1121:"Server=db;User Id=app;Password=s3cret"|})]
            public class Payments
            {
                [LambdaFunction] public void Charge() { }
            }
            """;
        var firstFixed = """
            using Serverless;

            [assembly: ServerlessApp("shop")]
            [assembly: Environment("STRIPE_SECRET", FromSecret = "shop/stripe_secret")]

            public class Orders
            {
                [LambdaFunction, Environment("API_KEY", FromSecret = "shop/api_key")] public void Create() { }
            }
            """;
        var secondFixed = """
            using Serverless;

            [Environment("DB", FromSecret = "shop/db")]
            public class Payments
            {
                [LambdaFunction] public void Charge() { }
            }
            """;
        await new FixTest().WithSources(new[] { first, second }, new[] { firstFixed, secondFixed }).RunAsync();
    }

    [Fact]
    public async Task SLS1120_LargestLiteralInAnotherDocumentBecomesAParameterOnceForAllItsFunctions()
    {
        var functions = """
            using Serverless;

            public partial class Api
            {
                [LambdaFunction, Environment("RULES", "{{Kb2}}")] public void {|SLS1120:Create|}() { }
                [LambdaFunction] public void {|SLS1120:Delete|}() { }
                [LambdaFunction] public void {|SLS1120:Update|}() { }
            }
            """.Replace("{{Kb2}}", Kb2);
        var settings = $$"""
            using Serverless;

            [assembly: ServerlessApp("orders")]
            [assembly: Environment("TEMPLATE", "{{Kb2}}")]

            [Environment("CATALOG", "{{Kb3}}")]
            public partial class Api
            {
            }
            """;
        var settingsFixed = $$"""
            using Serverless;

            [assembly: ServerlessApp("orders")]
            [assembly: Environment("TEMPLATE", "{{Kb2}}")]

            [Environment("CATALOG", FromParameter = "/orders/CATALOG")]
            public partial class Api
            {
            }
            """;
        var functionsFixed = functions.Replace("{|SLS1120:Create|}", "Create").Replace("{|SLS1120:Delete|}", "Delete").Replace("{|SLS1120:Update|}", "Update");
        await new FixTest().WithSources(new[] { functions, settings }, new[] { functionsFixed, settingsFixed })
            .WithIterations(incremental: 1, fixAll: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS1120_WithoutLiteralsHasNoFix()
    {
        var source = $$"""
            using Serverless;

            [Environment("A", FromParameter = "/{{Kb3}}")]
            [Environment("B", FromSecret = "{{Kb2}}")]
            public class Api
            {
                [LambdaFunction] public void {|SLS1120:Run|}() { }
            }
            """;
        await new FixTest().WithSources(source, source).RunAsync();
    }
}
