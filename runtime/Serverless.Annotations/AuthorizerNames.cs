namespace Serverless;

/// <summary>Authorizer names with a fixed meaning in <see cref="AuthorizeAttribute"/>.</summary>
public static class AuthorizerNames
{
    /// <summary>IAM authorization: callers sign requests with AWS Signature Version 4 (API Gateway's <c>AWS_IAM</c>).</summary>
    public const string Iam = "AWS_IAM";
}
