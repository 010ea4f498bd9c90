using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.StartupAnalyzer>;

namespace Serverless.Analyzers.Tests;

public class StartupAnalyzerTests
{
    private const string Usings = """
        using Microsoft.Extensions.DependencyInjection;
        using Serverless;

        public interface IStore { }

        """;

    private const string ValidStartup = """

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) { }
        }
        """;

    [Fact]
    public Task ServicesWithStartupAreFine() => Verify.VerifyAsync(Usings + """
        public class Orders(IStore store)
        {
            [LambdaFunction] public void Create([FromServices] IStore other) => store.GetType();
        }
        """ + ValidStartup);

    [Fact]
    public Task NoServicesNoStartupIsFine() => Verify.VerifyAsync(Usings + """
        public class Orders
        {
            [LambdaFunction] public void Create(string id) { }
        }
        """);

    [Fact]
    public Task SLS1011_ConstructorAndFromServicesParametersWithoutStartup() => Verify.VerifyAsync(Usings + """
        public class Orders(IStore {|SLS1011:store|})
        {
            [LambdaFunction] public void Create(string id, [FromServices] IStore {|SLS1011:other|}) => store.GetType();
        }
        """);

    [Fact]
    public Task SLS1011_PartialHandlerClassWithConstructorInAnotherFile() => Verify.VerifyAsync(new[]
    {
        Usings + """
        public partial class Orders
        {
            [LambdaFunction] public void Create() { }
        }
        """,
        """
        public partial class Orders
        {
            private readonly IStore _store;
            public Orders(IStore {|SLS1011:store|}) => _store = store;
        }
        """,
    });

    [Fact]
    public Task SLS1012_SecondStartupClass() => Verify.VerifyAsync(Usings + ValidStartup + """

        [LambdaStartup]
        public class {|SLS1012:MoreStartup|}
        {
            public void ConfigureServices(IServiceCollection services) { }
        }
        """);

    [Fact]
    public Task SLS1013_StartupWithoutConfigureServices() => Verify.VerifyAsync(Usings + """
        [LambdaStartup]
        public class {|SLS1013:Startup|}
        {
            public void Configure(IServiceCollection services) { }
        }
        """);

    [Fact]
    public Task SLS1013_StartupWithoutParameterlessConstructor() => Verify.VerifyAsync(Usings + """
        [LambdaStartup]
        public class {|SLS1013:Startup|}(string name)
        {
            public void ConfigureServices(IServiceCollection services) => name.GetType();
        }
        """);

    [Fact]
    public Task SLS1013_AbstractStartup() => Verify.VerifyAsync(Usings + """
        [LambdaStartup]
        public abstract class {|SLS1013:Startup|}
        {
            public void ConfigureServices(IServiceCollection services) { }
        }
        """);

    [Fact]
    public Task UnrelatedStartupAttributeIsIgnored() => Verify.VerifyAsync("""
        using System;
        namespace Mine
        {
            public sealed class LambdaStartupAttribute : Attribute { }
            [LambdaStartup] public class A { }
            [LambdaStartup] public class B { }
        }
        """);
}
