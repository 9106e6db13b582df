import { ExposureService } from '../../services/exposure/exposure.service';
import { GroupLimitService } from '../../services/exposure/group-limit.service';
import { PortfolioService } from '../../services/exposure/portfolio.service';
import { PolicyService } from '../../services/policy/policy.service';
import type { RequestContext } from '../context';

interface ExposureServices {
  exposure: ExposureService;
  portfolio: PortfolioService;
  limits: GroupLimitService;
  policy: PolicyService;
}

const perRequest = new WeakMap<RequestContext, ExposureServices>();

/**
 * The exposure and policy services of one request, built on first use: their DataLoader and
 * memoised portfolio live exactly as long as the request's context.
 */
export function exposureServices(ctx: RequestContext): ExposureServices {
  let services = perRequest.get(ctx);
  if (!services) {
    const exposure = new ExposureService(ctx.app, ctx.em);
    services = {
      exposure,
      portfolio: new PortfolioService(exposure),
      limits: new GroupLimitService(ctx.app, ctx.em),
      policy: new PolicyService(ctx.app, ctx.em),
    };
    perRequest.set(ctx, services);
  }
  return services;
}
