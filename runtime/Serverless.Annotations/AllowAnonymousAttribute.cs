using System;

namespace Serverless;

/// <summary>
/// Makes the routes of a class's functions, or of one function, public: no authorizer applies, whatever an
/// <see cref="AuthorizeAttribute"/> on the assembly (or, for a method, on its class) says. Being explicit also tells
/// the analyzers (SLS3009) that a public route is meant to be public.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllowAnonymousAttribute : Attribute
{
}
