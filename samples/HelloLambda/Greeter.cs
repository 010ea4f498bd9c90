namespace HelloLambda;

public sealed record HelloRequest(string Name);

public sealed record HelloResponse(string Message, string RequestId);

public static class Greeter
{
    /// <summary>Greets by name; an empty name is the caller's mistake and fails the invocation.</summary>
    [LambdaFunction(Name = "Hello", Description = "Says hello")]
    public static HelloResponse Hello(HelloRequest request, ILambdaContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("Name is required.", nameof(request));
        }

        context.Logger.LogInformation($"Greeting {request.Name}");
        return new HelloResponse($"Hello, {request.Name}!", context.AwsRequestId);
    }
}
