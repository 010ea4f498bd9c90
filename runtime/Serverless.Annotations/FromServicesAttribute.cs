using System;

namespace Serverless;

/// <summary>Resolves a handler parameter from the invocation's dependency injection scope.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class FromServicesAttribute : Attribute
{
}
