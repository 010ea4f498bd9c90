namespace Serverless.Analyzers.Model;

/// <summary>Metadata names of the HTTP types the model reads (issue 4).</summary>
public static class HttpKnownNames
{
    public const string HttpApiAttribute = "Serverless.HttpApiAttribute";
    public const string RestApiAttribute = "Serverless.RestApiAttribute";
    public const string FromRouteAttribute = "Serverless.FromRouteAttribute";
    public const string FromQueryAttribute = "Serverless.FromQueryAttribute";
    public const string FromHeaderAttribute = "Serverless.FromHeaderAttribute";
    public const string FromBodyAttribute = "Serverless.FromBodyAttribute";
    public const string HttpRequestData = "Serverless.HttpRequestData";
    public const string IHttpResult = "Serverless.IHttpResult";
    public const string HttpResponseAttribute = "Serverless.HttpResponseAttribute";
    public const string HttpProblemDetails = "Serverless.HttpProblemDetails";
    public const string IParsableOfT = "System.IParsable`1";
    public const string ListOfT = "System.Collections.Generic.List`1";
    public const string IFormatProvider = "System.IFormatProvider";

    public const string RequiredAttribute = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    public const string RangeAttribute = "System.ComponentModel.DataAnnotations.RangeAttribute";
    public const string StringLengthAttribute = "System.ComponentModel.DataAnnotations.StringLengthAttribute";
    public const string MinLengthAttribute = "System.ComponentModel.DataAnnotations.MinLengthAttribute";
    public const string MaxLengthAttribute = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    public const string RegularExpressionAttribute = "System.ComponentModel.DataAnnotations.RegularExpressionAttribute";
    public const string EmailAddressAttribute = "System.ComponentModel.DataAnnotations.EmailAddressAttribute";
}
