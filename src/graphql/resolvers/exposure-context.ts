import { ExposureService } from '../../services/exposure/exposure.service';
import { GroupLimitService } from '../../services/exposure/group-limit.service';
import { PortfolioService } from '../../services/exposure/portfolio.service';
import { PolicyService } from '../../services/policy/policy.service';
import type { RequestContext } from '../context';

export interface ExposureServices {
  exposure: ExposureService;
  portfolio: PortfolioService;
  limits: GroupLimitService;
  policy: PolicyService;
}

/** Each service is built on first use, so the request's EntityManager is forked only if needed. */
export class RequestExposureServices implements ExposureServices {
  private exposureService?: ExposureService;
  private portfolioService?: PortfolioService;
  private limitService?: GroupLimitService;
  private policyService?: PolicyService;

  constructor(private readonly ctx: RequestContext) {}

  get exposure(): ExposureService {
    return (this.exposureService ??= new ExposureService(this.ctx.app, () => this.ctx.em));
  }

  get portfolio(): PortfolioService {
    return (this.portfolioService ??= new PortfolioService(this.exposure));
  }

  get limits(): GroupLimitService {
    return (this.limitService ??= new GroupLimitService(this.ctx.app, this.ctx.em));
  }

  get policy(): PolicyService {
    return (this.policyService ??= new PolicyService(this.ctx.app, this.ctx.em));
  }
}

/**
 * The exposure and policy services of one request, built on first use: their DataLoader and
 * memoised portfolio live exactly as long as the request's context.
 */
export function exposureServices(ctx: RequestContext): ExposureServices {
  return ctx.exposureServices;
}
