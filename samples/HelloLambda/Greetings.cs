using System.ComponentModel.DataAnnotations;

namespace HelloLambda;

public sealed record Greeting(string Message, int Times);

/// <summary>An HTTP API route: try it with <c>dotnet run -- serve</c> and <c>curl localhost:5050/greetings/ada?times=2</c>.</summary>
public static class Greetings
{
    /// <summary>
    /// <c>name</c> comes from the route, <c>times</c> and <c>loud</c> from the query. Every mistake of a request
    /// (<c>?times=abc&amp;loud=maybe</c>, <c>?times=9</c>) is listed in one 400 problem response.
    /// </summary>
    [LambdaFunction(Name = "GetGreeting")]
    [AllowAnonymous]
    [HttpApi(HttpVerb.Get, "/greetings/{name}")]
    public static Greeting Get([StringLength(20)] string name, [FromQuery] [Range(1, 5)] int times = 1, bool loud = false)
    {
        var message = $"Hello, {name}!";
        return new Greeting(loud ? message.ToUpperInvariant() : message, times);
    }
}
