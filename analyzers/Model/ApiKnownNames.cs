namespace Serverless.Analyzers.Model;

/// <summary>Metadata names of the auth, CORS and API settings attributes.</summary>
public static class ApiKnownNames
{
    public const string AuthorizeAttribute = "Serverless.AuthorizeAttribute";
    public const string AllowAnonymousAttribute = "Serverless.AllowAnonymousAttribute";
    public const string JwtAuthorizerAttribute = "Serverless.JwtAuthorizerAttribute";
    public const string CognitoAuthorizerAttribute = "Serverless.CognitoAuthorizerAttribute";
    public const string LambdaAuthorizerAttribute = "Serverless.LambdaAuthorizerAttribute";
    public const string CorsAttribute = "Serverless.CorsAttribute";
    public const string HttpApiOptionsAttribute = "Serverless.HttpApiOptionsAttribute";
    public const string RestApiOptionsAttribute = "Serverless.RestApiOptionsAttribute";

    /// <summary><c>AuthorizerNames.Iam</c>: IAM (SigV4) authorization.</summary>
    public const string IamAuthorizer = "AWS_IAM";

    /// <summary>What a new REST API stage is called when <c>RestApiOptions.StageName</c> is not set.</summary>
    public const string DefaultRestStageName = "Prod";
}
