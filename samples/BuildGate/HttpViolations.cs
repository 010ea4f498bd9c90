namespace BuildGate;

public static class HttpViolations
{
    // SLS3001: a route starts with '/'.
    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "orders")]
    public static void NoSlash() { }

    // SLS3002: {id} is bound by no parameter.
    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "/gate/orders/{id}")]
    public static void Unbound() { }

    // SLS3003: [FromRoute("line")] names no route parameter.
    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "/gate/lines")]
    public static void NotInRoute([FromRoute("line")] int line) { }

    // SLS3004: two bodies.
    [LambdaFunction]
    [HttpApi(HttpVerb.Post, "/gate/orders")]
    public static void TwoBodies(Order a, [FromBody] Order b) { }

    // SLS3006: a complex type cannot come from the query string.
    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "/gate/search")]
    public static void Unbindable([FromQuery] Order filter) { }

    // SLS3007: the same method and path as Item.
    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "/gate/items/{id}")]
    public static void Item(string id) { }

    [LambdaFunction]
    [HttpApi(HttpVerb.Get, "/gate/items/{key}")]
    public static void SameItem(string key) { }
}
