namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// An event that can never be processed (malformed, violates the contract). Not retried: the message goes straight
/// to the queue's <c>_error</c> queue, and the consumer goes on with the next one.
/// </summary>
public sealed class InvalidEventException(string message) : Exception(message);
