[assembly: ServerlessApp("hello", MemorySize = 256, Timeout = 10, Tags = new[] { "team=samples" })]
[assembly: Environment("STAGE", "dev")]

// Auth and CORS of the sample's APIs. API Gateway validates the JWT before CreateProduct runs; the routes that are
// public say so with [AllowAnonymous] (SLS3009 asks every route of an app with authorizers to state its auth).
// `dotnet run -- serve` does not check tokens: it mirrors API Gateway's integration, not its authorizers.
[assembly: JwtAuthorizer("users", Issuer = "https://login.hello.example.com/", Audience = new[] { "hello-api" })]
[assembly: Cors(
    AllowOrigins = new[] { "https://shop.hello.example.com" },
    AllowMethods = new[] { "GET", "POST", "PUT" },
    AllowHeaders = new[] { "Authorization", "Content-Type", "X-Currency", "X-Stock" },
    AllowCredentials = true,
    MaxAge = 600)]
[assembly: HttpApiOptions(StageName = "v1", ThrottlingRateLimit = 50, ThrottlingBurstLimit = 100)]
[assembly: RestApiOptions(StageName = "v1", EndpointType = RestApiEndpointType.Regional, ThrottlingRateLimit = 20, ThrottlingBurstLimit = 40)]
