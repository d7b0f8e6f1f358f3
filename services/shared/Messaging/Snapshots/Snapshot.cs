using Google.Protobuf;

namespace Industry.ServiceDefaults.Messaging.Snapshots;

/// <summary>One <c>…Snapshot</c> event to raise: the event (its <c>metadata</c> still unset) and its subject at its version.</summary>
public readonly record struct Snapshot(IMessage Event, string Subject, long Version);
