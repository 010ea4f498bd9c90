using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

// SLS1016: the named JSON context is not a JsonSerializerContext.
[assembly: ServerlessApp("gate", JsonContext = typeof(BuildGate.NotAContext))]

namespace BuildGate;

public sealed record Order(string Id);

public sealed class NotAContext;

[JsonSerializable(typeof(Order))]
public partial class AppJson : JsonSerializerContext;

public static class Violations
{
    // SLS1001: two event parameters.
    [LambdaFunction]
    public static void TwoEvents(Order first, Order second) { }

    // SLS1002: a ref parameter.
    [LambdaFunction]
    public static void ByRef(ref Order order) { }

    // SLS1003: a generic handler.
    [LambdaFunction]
    public static T Generic<T>(T input) => input;

    // SLS1004: private, so the generated entry point cannot call it.
    [LambdaFunction]
    private static void Hidden(Order order) { }

    // SLS1005: async void.
    [LambdaFunction]
    public static async void Fire(Order order) => await Task.Yield();

    // SLS1006: a second function named 'Same'.
    [LambdaFunction(Name = "Same")]
    public static void First(Order order) { }

    [LambdaFunction(Name = "Same")]
    public static void Second(Order order) { }

    // SLS1007: not a CloudFormation logical ID.
    [LambdaFunction(Name = "get-order")]
    public static void Dashes(Order order) { }

    // SLS1008: a handler string over 127 characters.
    [LambdaFunction(Name = "A123456789B123456789C123456789D123456789E123456789F123456789G123456789H123456789I123456789J123456789K123456789L123456789M123456789")]
    public static void TooLong(Order order) { }
}

// SLS1017: an abstract handler class.
public abstract class AbstractHandlers
{
    [LambdaFunction]
    public Order Get(Order order) => order;
}

// SLS1012: two startup classes; SLS1013: this one has no ConfigureServices.
[LambdaStartup]
public sealed class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
}

[LambdaStartup]
public sealed class SecondStartup
{
    public void Configure(IServiceCollection services) { }
}
