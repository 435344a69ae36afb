package org.coordscope.campaigns;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * A hashtag's, link's, site's, retweeted tweet's or line's volume over time, the share each cluster of the run
     * (the dataset's newest by default) posted, its peak hours and the clustered accounts behind it.
     */
    @GetMapping("/api/campaigns")
    CampaignService.Campaign campaign(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) String run) {
        return campaigns.campaign(kind, value, dataset, run);
    }
}
