namespace Industry.Clusters.Domain;

/// <summary>Kind of industrial cluster; fixed at creation. Numbers as in the proto.</summary>
public enum ClusterKind
{
    /// <summary>先进制造业集群: advanced-manufacturing cluster.</summary>
    AdvancedManufacturing = 1,

    /// <summary>中小企业特色产业集群: SME characteristic industrial cluster.</summary>
    SmeCharacteristic = 2,
}
