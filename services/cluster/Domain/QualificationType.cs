namespace Industry.Clusters.Domain;

/// <summary>企业资质/称号: a qualification an enterprise can be granted. Numbers as in the proto.</summary>
public enum QualificationType
{
    /// <summary>创新型中小企业: innovative SME.</summary>
    InnovativeSme = 1,

    /// <summary>专精特新中小企业: provincial specialised, refined, distinctive and innovative SME.</summary>
    SpecializedSme = 2,

    /// <summary>专精特新"小巨人"企业: national little giant; only for an enterprise that is a specialised SME already.</summary>
    LittleGiant = 3,

    /// <summary>制造业单项冠军: manufacturing single champion.</summary>
    SingleChampion = 4,

    /// <summary>链主企业: industrial-chain leader.</summary>
    ChainLeader = 5,

    /// <summary>绿色工厂: green factory (national or provincial list; the list is not kept).</summary>
    GreenFactory = 6,

    /// <summary>企业技术中心: enterprise technology centre (national or provincial recognition; the level is not kept).</summary>
    TechnologyCenter = 7,
}
